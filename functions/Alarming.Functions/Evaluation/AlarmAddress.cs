using System.Text.Json.Serialization;

namespace Alarming.Functions.Evaluation;

/// <summary>Where an alarm lives: its project (the table partition) and id.</summary>
/// <remarks>The project is <c>p</c> on the wire: a shard names 100 of them in one message.</remarks>
public sealed record AlarmAddress([property: JsonPropertyName("p")] string? ProjectId, string Id);
