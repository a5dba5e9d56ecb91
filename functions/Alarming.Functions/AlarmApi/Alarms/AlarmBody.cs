using System.Text.Json.Nodes;
using Alarming.Core.Actions;
using Alarming.Core.Alarms;
using Alarming.Core.History;
using Alarming.Core.Python;
using Alarming.Core.Rules;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary>The Alarm representation on the wire, fields in Aodh's order.</summary>
internal static class AlarmBody
{
    /// <param name="normalizeActions">GET/POST/PUT and lists show actions as Python's urlsplit
    /// round trip writes them; the complex query shows the stored strings.</param>
    public static JsonObject From(Alarm alarm, bool normalizeActions = true)
    {
        JsonArray? Actions(IReadOnlyList<string>? actions) =>
            AlarmChangeDetail.Strings(normalizeActions ? actions?.Select(ActionUrl.Normalize).ToList() : actions);

        return new JsonObject
        {
            ["alarm_id"] = alarm.AlarmId,
            ["name"] = alarm.Name,
            ["description"] = alarm.Description,
            ["enabled"] = alarm.Enabled,
            ["ok_actions"] = Actions(alarm.OkActions),
            ["alarm_actions"] = Actions(alarm.AlarmActions),
            ["insufficient_data_actions"] = Actions(alarm.InsufficientDataActions),
            ["repeat_actions"] = alarm.RepeatActions,
            ["type"] = alarm.Type,
            ["time_constraints"] = AlarmChangeDetail.TimeConstraintsNode(alarm.TimeConstraints),
            ["project_id"] = alarm.ProjectId,
            ["user_id"] = alarm.UserId,
            ["timestamp"] = PythonTimestamp.Format(alarm.Timestamp),
            ["state"] = alarm.State,
            ["state_timestamp"] = PythonTimestamp.Format(alarm.StateTimestamp),
            ["state_reason"] = alarm.StateReason,
            ["severity"] = alarm.Severity,
            ["evaluate_timestamp"] = alarm.EvaluateTimestamp is { } e ? PythonTimestamp.Format(e) : null,
            [alarm.RuleAttribute] = RuleRepresentation.Of(alarm.Type, alarm.Rule),
        };
    }

    public static JsonArray List(IEnumerable<Alarm> alarms, bool normalizeActions = true) =>
        new(alarms.Select(a => (JsonNode?)From(a, normalizeActions)).ToArray());
}
