using System.Text.Json.Nodes;
using Alarming.Core.History;
using Alarming.Core.Python;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary>A history entry on the wire; <c>severity</c> is stored but not shown.</summary>
internal static class AlarmChangeBody
{
    public static JsonObject From(AlarmChange change) => new()
    {
        ["event_id"] = change.EventId,
        ["alarm_id"] = change.AlarmId,
        ["type"] = change.Type,
        ["detail"] = change.Detail,
        ["project_id"] = change.ProjectId,
        ["user_id"] = change.UserId,
        ["on_behalf_of"] = change.OnBehalfOf,
        ["timestamp"] = PythonTimestamp.Format(change.Timestamp),
    };

    public static JsonArray List(IEnumerable<AlarmChange> changes) =>
        new(changes.Select(c => (JsonNode?)From(c)).ToArray());
}
