namespace Alarming.Core.History;

/// <summary>One audit entry of an alarm's history.</summary>
/// <param name="Detail">JSON text as Python's <c>json.dumps</c> writes it.</param>
/// <param name="Severity">Stored for filtering and sorting, never output.</param>
public sealed record AlarmChange(
    string EventId,
    string AlarmId,
    string Type,
    string Detail,
    string? ProjectId,
    string? UserId,
    string? OnBehalfOf,
    DateTimeOffset Timestamp,
    string? Severity);
