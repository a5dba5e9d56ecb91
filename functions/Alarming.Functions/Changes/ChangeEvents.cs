using System.Globalization;
using System.Text.Json.Nodes;
using Alarming.Core.History;
using Alarming.Core.Python;

namespace Alarming.Functions.Changes;

/// <summary>Alarm change events in Aodh's notification envelope, as the
/// messages of the change queue.</summary>
internal static class ChangeEvents
{
    public const string ApiPublisher = "aodh.api";
    public const string EvaluatorPublisher = "aodh.evaluator";

    public const string CreateEnd = "alarm.create.end";
    public const string UpdateEnd = "alarm.update.end";
    public const string DeleteEnd = "alarm.delete.end";

    /// <summary>Aodh's event for a change: <c>alarm.</c> + the history type, the entry and severity as payload.</summary>
    /// <param name="detailAsText">The evaluator sends the detail as the JSON string it stores; the API as an object.</param>
    public static string ForChange(string messageId, string publisher, AlarmChange change, bool detailAsText)
    {
        var payload = new JsonObject
        {
            ["event_id"] = change.EventId,
            ["alarm_id"] = change.AlarmId,
            ["type"] = change.Type,
            ["detail"] = detailAsText ? JsonValue.Create(change.Detail) : PythonJson.Loads(change.Detail),
            ["user_id"] = change.UserId,
            ["project_id"] = change.ProjectId,
            ["on_behalf_of"] = change.OnBehalfOf,
            ["timestamp"] = Microseconds(change.Timestamp, 'T'),
            ["severity"] = change.Severity,
        };
        return Envelope(messageId, publisher, "alarm." + change.Type.Replace(' ', '_'), change.Timestamp, payload);
    }

    /// <summary>The proposal's <c>alarm.*.end</c> events (an extension): the alarm's API representation as payload.</summary>
    public static string ForAlarm(string messageId, string eventType, JsonObject alarm, DateTimeOffset at) =>
        Envelope(messageId, ApiPublisher, eventType, at, alarm);

    private static string Envelope(string messageId, string publisher, string eventType, DateTimeOffset at, JsonObject payload) =>
        PythonJson.Dumps(new JsonObject
        {
            ["message_id"] = messageId,
            ["publisher_id"] = publisher,
            ["event_type"] = eventType,
            ["priority"] = "INFO",
            ["timestamp"] = Microseconds(at, ' '),
            ["payload"] = payload,
        });

    private static string Microseconds(DateTimeOffset at, char separator) =>
        at.UtcDateTime.ToString($"yyyy-MM-dd'{separator}'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
