using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>Every producer's event in Aodh's shape (<c>message_id</c>, <c>event_type</c>,
/// <c>generated</c>, <c>traits</c>, <c>raw</c>), the one shape the evaluator reads.</summary>
public static class CanonicalEvent
{
    /// <summary>A canonical event larger than this loses its <c>raw</c>: the notification that carries it must fit a queue message.</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>Recognises the producer's shape by its fields and maps it.</summary>
    /// <returns>The canonical event, read (its <see cref="AlarmEvent.Json"/> is what to queue), and whether its
    /// <c>raw</c> was dropped for size.</returns>
    /// <exception cref="MalformedEventException">Not an event of any shape, or one that cannot be evaluated.</exception>
    public static (AlarmEvent Event, bool RawDropped) From(JsonNode? item, DateTimeOffset receivedAt)
    {
        if (item is not JsonObject json)
        {
            throw new MalformedEventException("an event is not an object");
        }
        var canonical = CloudEvent.IsOne(json) ? CloudEvent.ToCanonical(json, receivedAt)
            : EventGridEvent.IsOne(json) ? EventGridEvent.ToCanonical(json)
            : json.ContainsKey("event_type") || json.ContainsKey("message_id") ? json
            : throw new MalformedEventException("not an Aodh, Event Grid or CloudEvents event (no event_type, eventType or specversion)");
        var parsed = AlarmEvent.Parse(canonical);
        if (Size(canonical) <= MaxBytes)
        {
            return (parsed, false);
        }
        var withoutRaw = canonical.DeepClone().AsObject();
        withoutRaw["raw"] = new JsonObject();
        return Size(withoutRaw) <= MaxBytes
            ? (parsed with { Json = withoutRaw }, true)
            : throw new MalformedEventException($"the event is larger than {MaxBytes} bytes without its raw part");
    }

    public static JsonObject Create(string? messageId, string? eventType, DateTimeOffset generated, JsonArray traits, JsonObject raw) => new()
    {
        ["message_id"] = messageId ?? throw new MalformedEventException("an event has no id"),
        ["event_type"] = eventType ?? throw new MalformedEventException("an event has no type"),
        ["generated"] = PythonTimestamp.Format(generated),
        ["traits"] = traits,
        ["raw"] = raw.DeepClone(),
    };

    /// <summary>A field that must be a non-empty string, or null.</summary>
    public static string? Text(JsonObject json, string field) =>
        json[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>An RFC 3339 time field in UTC, or null when absent or not a time.</summary>
    public static DateTimeOffset? Time(JsonObject json, string field) =>
        Text(json, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    private static int Size(JsonObject json) => Encoding.UTF8.GetByteCount(json.ToJsonString());
}
