namespace Alarming.Storage.Alarms;

/// <summary>Where an alarm lives, its type, and the series it reads (threshold alarms only).</summary>
public sealed record AlarmRef(string? ProjectId, string AlarmId, string Type, string? SeriesKey);
