using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>An Azure Event Grid event (Event Grid schema) as a canonical event.</summary>
public static class EventGridEvent
{
    public static bool IsOne(JsonObject json) => json.ContainsKey("eventType") && json.ContainsKey("eventTime");

    /// <exception cref="MalformedEventException">No <c>id</c> or <c>eventType</c>, or an <c>eventTime</c> that is not a time.</exception>
    public static JsonObject ToCanonical(JsonObject json)
    {
        // Data first: the last trait of a name wins, and the envelope's subject and source must.
        var traits = new JsonArray([.. EventData.Traits(json["data"])]);
        if (json["subject"] is JsonValue subject)
        {
            traits.Add(EventData.Text("subject", PythonRepr.Str(subject)));
        }
        if (json["topic"] is JsonValue topic)
        {
            traits.Add(EventData.Text("source", PythonRepr.Str(topic)));
        }
        if (EventData.Project(json["data"]) is { } project)
        {
            traits.Add(EventData.Text("project_id", project));
        }
        return CanonicalEvent.Create(CanonicalEvent.Text(json, "id"), CanonicalEvent.Text(json, "eventType"),
            CanonicalEvent.Time(json, "eventTime") ?? throw new MalformedEventException("eventTime is not a time"), traits, json);
    }
}
