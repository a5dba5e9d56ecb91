using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Azure;
using Azure.Data.Tables;

using Alarming.Core.TimeConstraints;

namespace Alarming.Storage.Alarms;

/// <summary>An alarm row: PartitionKey = <see cref="AlarmPartition"/>, RowKey = alarm id. Lists and the rule are JSON columns.</summary>
internal sealed class AlarmEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AlarmId { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool? Enabled { get; set; }
    public string? OkActions { get; set; }
    public string? AlarmActions { get; set; }
    public string? InsufficientDataActions { get; set; }
    public bool? RepeatActions { get; set; }
    public string Type { get; set; } = "";
    public string TimeConstraints { get; set; } = "[]";
    public string? ProjectId { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset AlarmTimestamp { get; set; }
    public string State { get; set; } = "";
    public DateTimeOffset StateTimestamp { get; set; }
    public string? StateReason { get; set; }
    public string? Severity { get; set; }
    public DateTimeOffset? EvaluateTimestamp { get; set; }
    public string Rule { get; set; } = "{}";
    public DateTimeOffset? LastEvaluatedTick { get; set; }

    /// <summary>The acknowledgement of the current state, as JSON, or null.</summary>
    public string? Acknowledgement { get; set; }

    /// <summary>The outbox entry id of the last evaluation, until the evaluator saw it finished.</summary>
    public string? PendingEntry { get; set; }

    /// <summary>The events that fired the alarm lately, as JSON (event alarms only).</summary>
    public string? FiredEvents { get; set; }

    [IgnoreDataMember]
    public EvaluationMark Mark => new(LastEvaluatedTick, PendingEntry,
        FiredEvents is null ? null : JsonSerializer.Deserialize<List<FiredEvent>>(FiredEvents, StorageJson.Options));

    public AlarmEntity WithMark(EvaluationMark mark)
    {
        LastEvaluatedTick = mark.LastTick;
        PendingEntry = mark.Pending;
        FiredEvents = mark.Fired is null ? null : JsonSerializer.Serialize(mark.Fired, StorageJson.Options);
        return this;
    }

    public static AlarmEntity From(Alarm alarm) => new()
    {
        PartitionKey = AlarmPartition.Of(alarm),
        RowKey = Tables.TableKey.Encode(alarm.AlarmId),
        AlarmId = alarm.AlarmId,
        Name = alarm.Name,
        Description = alarm.Description,
        Enabled = alarm.Enabled,
        OkActions = List(alarm.OkActions),
        AlarmActions = List(alarm.AlarmActions),
        InsufficientDataActions = List(alarm.InsufficientDataActions),
        RepeatActions = alarm.RepeatActions,
        Type = alarm.Type,
        TimeConstraints = JsonSerializer.Serialize(alarm.TimeConstraints, StorageJson.Options),
        ProjectId = alarm.ProjectId,
        UserId = alarm.UserId,
        AlarmTimestamp = alarm.Timestamp,
        State = alarm.State,
        StateTimestamp = alarm.StateTimestamp,
        StateReason = alarm.StateReason,
        Severity = alarm.Severity,
        EvaluateTimestamp = alarm.EvaluateTimestamp,
        Rule = alarm.Rule.ToJsonString(),
        Acknowledgement = alarm.Acknowledgement is null ? null : JsonSerializer.Serialize(alarm.Acknowledgement, StorageJson.Options),
    };

    public Alarm ToAlarm() => new()
    {
        AlarmId = AlarmId,
        Name = Name,
        Description = Description,
        Enabled = Enabled,
        OkActions = List(OkActions),
        AlarmActions = List(AlarmActions),
        InsufficientDataActions = List(InsufficientDataActions),
        RepeatActions = RepeatActions,
        Type = Type,
        TimeConstraints = JsonSerializer.Deserialize<List<TimeConstraint>>(TimeConstraints, StorageJson.Options) ?? [],
        ProjectId = ProjectId,
        UserId = UserId,
        Timestamp = AlarmTimestamp,
        State = State,
        StateTimestamp = StateTimestamp,
        StateReason = StateReason,
        Severity = Severity,
        EvaluateTimestamp = EvaluateTimestamp,
        Rule = JsonNode.Parse(Rule)!.AsObject(),
        Acknowledgement = Acknowledgement is null ? null : JsonSerializer.Deserialize<Acknowledgement>(Acknowledgement, StorageJson.Options),
    };

    private static string? List(IReadOnlyList<string>? items) =>
        items is null ? null : JsonSerializer.Serialize(items, StorageJson.Options);

    private static IReadOnlyList<string>? List(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<string>>(json, StorageJson.Options);
}
