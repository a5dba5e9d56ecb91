using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Rules;
using Alarming.Core.TimeConstraints;

namespace Alarming.Core.History;

/// <summary>The <c>detail</c> text of creation and rule-change entries, in Aodh's key order.</summary>
public static class AlarmChangeDetail
{
    private static readonly HashSet<string> IgnoredInRuleChange = ["timestamp", "state_timestamp"];

    /// <summary>Every stored field; <c>evaluate_timestamp</c> only when the client sent it.</summary>
    public static string Creation(Alarm alarm, bool evaluateTimestampGiven) =>
        PythonJson.Dumps(Fields(alarm, evaluateTimestampGiven));

    /// <summary>Only the fields that changed, or <c>null</c> when nothing did; <c>evaluate_timestamp</c>
    /// only when the client sent it, as Aodh diffs the fields of the PUT body.</summary>
    public static string? RuleChange(Alarm before, Alarm after, bool evaluateTimestampGiven)
    {
        var old = Fields(before, includeEvaluateTimestamp: true);
        var changed = new JsonObject();
        foreach (var (key, value) in Fields(after, evaluateTimestampGiven))
        {
            if (!IgnoredInRuleChange.Contains(key) && PythonJson.Dumps(value) != PythonJson.Dumps(old[key]))
            {
                changed[key] = value?.DeepClone();
            }
        }
        return changed.Count == 0 ? null : PythonJson.Dumps(changed);
    }

    public static string StateSet(string state) =>
        PythonJson.Dumps(new JsonObject { ["state"] = state, ["state_reason"] = AlarmFactory.ManuallySet });

    private static JsonObject Fields(Alarm alarm, bool includeEvaluateTimestamp)
    {
        var fields = new JsonObject
        {
            ["alarm_id"] = alarm.AlarmId,
            ["type"] = alarm.Type,
            ["enabled"] = alarm.Enabled,
            ["name"] = alarm.Name,
            ["description"] = alarm.Description,
            ["timestamp"] = PythonTimestamp.Format(alarm.Timestamp),
            ["user_id"] = alarm.UserId,
            ["project_id"] = alarm.ProjectId,
            ["state"] = alarm.State,
            ["state_timestamp"] = PythonTimestamp.Format(alarm.StateTimestamp),
            ["state_reason"] = alarm.StateReason,
            ["ok_actions"] = Strings(alarm.OkActions),
            ["alarm_actions"] = Strings(alarm.AlarmActions),
            ["insufficient_data_actions"] = Strings(alarm.InsufficientDataActions),
            ["repeat_actions"] = alarm.RepeatActions,
            ["time_constraints"] = TimeConstraintsNode(alarm.TimeConstraints),
            ["severity"] = alarm.Severity,
        };
        if (includeEvaluateTimestamp)
        {
            fields["evaluate_timestamp"] = alarm.EvaluateTimestamp is { } e ? PythonTimestamp.Format(e) : null;
        }
        fields["rule"] = RuleRepresentation.AsDict(alarm.Type, alarm.Rule);
        return fields;
    }

    public static JsonArray? Strings(IReadOnlyList<string>? items) =>
        items is null ? null : new JsonArray(items.Select(i => (JsonNode?)i).ToArray());

    public static JsonArray TimeConstraintsNode(IReadOnlyList<TimeConstraint> constraints) =>
        new(constraints.Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["start"] = c.Start,
            ["duration"] = c.Duration,
            ["timezone"] = c.Timezone,
        }).ToArray());
}
