namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>A user seeded in the test Keystone, with the project it logs in to.</summary>
public sealed record KeystoneUser(string Name, string Password, string Id, string Project, string ProjectId);
