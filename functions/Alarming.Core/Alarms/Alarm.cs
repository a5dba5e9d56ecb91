using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Alarms;

/// <summary>An alarm as stored: its definition, its owner and its current state.</summary>
/// <remarks>Optional attributes are nullable because Aodh stores an explicit <c>null</c> as
/// given. <see cref="Rule"/> is the validated rule in its stored form: the
/// fields of <c>&lt;type&gt;_rule</c> with their defaults filled in.</remarks>
public sealed record Alarm
{
    public required string AlarmId { get; init; }
    public required string? Name { get; init; }
    public required string? Description { get; init; }
    public required bool? Enabled { get; init; }
    public required IReadOnlyList<string>? OkActions { get; init; }
    public required IReadOnlyList<string>? AlarmActions { get; init; }
    public required IReadOnlyList<string>? InsufficientDataActions { get; init; }
    public required bool? RepeatActions { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<TimeConstraint> TimeConstraints { get; init; }
    public required string? ProjectId { get; init; }
    public required string? UserId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string State { get; init; }
    public required DateTimeOffset StateTimestamp { get; init; }
    public required string? StateReason { get; init; }
    public required string? Severity { get; init; }
    public required DateTimeOffset? EvaluateTimestamp { get; init; }
    public required JsonObject Rule { get; init; }

    /// <summary>Ours, not in Aodh's body: the acknowledgement of the current state, if any.</summary>
    public Acknowledgement? Acknowledgement { get; init; }

    /// <summary>The rule attribute's name on the wire: <c>&lt;type&gt;_rule</c>.</summary>
    [JsonIgnore]
    public string RuleAttribute => AlarmTypes.RuleAttribute(Type);

    /// <summary>The actions run on a move to (or a repeat of) <paramref name="state"/>; empty when none.</summary>
    public IReadOnlyList<string> ActionsFor(string state) => state switch
    {
        AlarmStates.Ok => OkActions,
        AlarmStates.Alarm => AlarmActions,
        _ => InsufficientDataActions,
    } ?? [];

    /// <summary>Disabled alarms are never evaluated; <c>null</c> counts as disabled.</summary>
    [JsonIgnore]
    public bool IsEnabled => Enabled == true;
}
