namespace Alarming.Storage.Alarms;

/// <summary>Where an alarm lives, and its type.</summary>
public sealed record AlarmRef(string? ProjectId, string AlarmId, string Type);
