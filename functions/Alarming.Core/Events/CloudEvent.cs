using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>A CloudEvents 1.0 event in structured JSON as a canonical event.</summary>
public static class CloudEvent
{
    public static bool IsOne(JsonObject json) => json.ContainsKey("specversion");

    /// <param name="receivedAt">The event's time when it carries none.</param>
    /// <exception cref="MalformedEventException">Not version 1.0, or no <c>id</c>, <c>source</c> or <c>type</c>.</exception>
    public static JsonObject ToCanonical(JsonObject json, DateTimeOffset receivedAt)
    {
        if (CanonicalEvent.Text(json, "specversion") != "1.0")
        {
            throw new MalformedEventException("specversion is not 1.0");
        }
        var source = CanonicalEvent.Text(json, "source") ?? throw new MalformedEventException("a CloudEvent has no source");
        var data = IsJson(json) ? json["data"] : null;
        // Data first: the last trait of a name wins, and the envelope's subject and source must.
        var traits = new JsonArray([.. EventData.Traits(data)]);
        if (json["subject"] is JsonValue subject)
        {
            traits.Add(EventData.Text("subject", PythonRepr.Str(subject)));
        }
        traits.Add(EventData.Text("source", source));
        var project = json["projectid"] is JsonValue extension ? PythonRepr.Str(extension) : EventData.Project(data);
        if (project is not null)
        {
            traits.Add(EventData.Text("project_id", project));
        }
        var generated = json.ContainsKey("time")
            ? CanonicalEvent.Time(json, "time") ?? throw new MalformedEventException("time is not a time")
            : receivedAt;
        return CanonicalEvent.Create(CanonicalEvent.Text(json, "id"), CanonicalEvent.Text(json, "type"), generated, traits, json);
    }

    /// <summary>Structured JSON's <c>data</c> is JSON unless <c>datacontenttype</c> says otherwise.</summary>
    private static bool IsJson(JsonObject json)
    {
        var type = CanonicalEvent.Text(json, "datacontenttype")?.Split(';')[0].Trim().ToLowerInvariant();
        return type is null or "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal);
    }
}
