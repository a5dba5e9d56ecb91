namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>The test classes that share one Keystone. They run one after another, so the one that
/// stops Keystone for an outage disturbs no other.</summary>
[CollectionDefinition(Name)]
public sealed class KeystoneCollection : ICollectionFixture<KeystoneFixture>
{
    public const string Name = "Keystone";
}
