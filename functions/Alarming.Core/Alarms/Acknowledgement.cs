namespace Alarming.Core.Alarms;

/// <summary>"Someone is on it": who acknowledged the alarm's current state, when, and why. It stops
/// repeat notifications of that state and lasts until the state changes.</summary>
public sealed record Acknowledgement(string? By, DateTimeOffset At, string? Comment);
