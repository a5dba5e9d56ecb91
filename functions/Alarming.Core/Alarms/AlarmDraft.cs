using System.Text.Json.Nodes;
using Alarming.Core.Validation;

using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Alarms;

/// <summary>A validated alarm body, before create or replace semantics are applied.</summary>
/// <remarks>Fields whose absence and explicit <c>null</c> mean different things are
/// <see cref="Field{T}"/>s; <see cref="Description"/> already has its default.</remarks>
public sealed record AlarmDraft
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required Field<bool?> Enabled { get; init; }
    public required Field<IReadOnlyList<string>> OkActions { get; init; }
    public required Field<IReadOnlyList<string>> AlarmActions { get; init; }
    public required Field<IReadOnlyList<string>> InsufficientDataActions { get; init; }
    public required Field<bool?> RepeatActions { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<TimeConstraint> TimeConstraints { get; init; }
    public required Field<string> ProjectId { get; init; }
    public required Field<string> UserId { get; init; }
    public required Field<string> State { get; init; }
    public required Field<string> Severity { get; init; }
    public required Field<DateTimeOffset?> EvaluateTimestamp { get; init; }
    public required JsonObject Rule { get; init; }
}
