using System.Text.Json.Nodes;

namespace Alarming.Storage.Alarms;

/// <summary>An enabled event alarm's rule, as its project's index of event alarms holds it.</summary>
public sealed record EventAlarmRule(string AlarmId, string? ProjectId, JsonObject Rule);
