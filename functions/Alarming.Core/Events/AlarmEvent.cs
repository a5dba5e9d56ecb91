using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>A canonical event (Aodh's shape) with its traits converted as Aodh's event evaluator converts them.</summary>
/// <param name="Json">The event object exactly as received: it goes into the notification's <c>reason_data</c>.</param>
/// <param name="Project">The last <c>tenant_id</c> or <c>project_id</c> trait (Python's <c>str</c> of it), or empty.</param>
public sealed record AlarmEvent(string MessageId, string EventType, string Project, IReadOnlyDictionary<string, TraitValue> Traits,
    JsonObject Json)
{
    /// <exception cref="MalformedEventException">No <c>event_type</c> or <c>message_id</c>, or traits that are not
    /// a list of three-item lists with convertible values.</exception>
    public static AlarmEvent Parse(JsonObject json)
    {
        var eventType = CanonicalEvent.Text(json, "event_type") ?? throw new MalformedEventException("no event_type");
        var messageId = CanonicalEvent.Text(json, "message_id") ?? throw new MalformedEventException("no message_id");
        var traits = new Dictionary<string, TraitValue>(StringComparer.Ordinal);
        var project = "";
        if (json["traits"] is { } list)
        {
            if (list is not JsonArray items)
            {
                throw new MalformedEventException("traits is not a list");
            }
            foreach (var item in items)
            {
                var (name, value) = Trait(item);
                traits[name] = value;
                if (name is "tenant_id" or "project_id")
                {
                    project = value.Str();
                }
            }
        }
        return new AlarmEvent(messageId, eventType, project, traits, json);
    }

    /// <summary>Aodh's <c>Event.get_value</c> for <c>traits.&lt;name&gt;</c>: a missing trait is <c>None</c>.</summary>
    public TraitValue Trait(string name) => Traits.GetValueOrDefault(name) ?? TraitValue.None;

    private static (string Name, TraitValue Value) Trait(JsonNode? item)
    {
        if (item is not JsonArray { Count: 3 } trait)
        {
            throw new MalformedEventException($"trait {item?.ToJsonString() ?? "null"} is not a list of name, type and value");
        }
        if (trait[0] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            throw new MalformedEventException($"trait {trait.ToJsonString()} has no string name");
        }
        var converted = Convert(trait[2], TypeCode(trait[1])) ??
            throw new MalformedEventException($"trait {PythonRepr.String(name.GetValue<string>())} cannot be converted: {trait.ToJsonString()}");
        return (name.GetValue<string>(), converted);
    }

    /// <summary>Python's <c>int()</c> of a JSON number: an int as it is, a float truncated (<c>int(4.7)</c> is 4).</summary>
    private static TraitValue? IntegerOf(JsonNode number)
    {
        if (JsonNumbers.IsInteger(number))
        {
            return new TraitValue.Integer(BigInteger.Parse(JsonNumbers.RawText(number), CultureInfo.InvariantCulture));
        }
        var value = JsonNumbers.ToDouble(number);
        return double.IsFinite(value) ? new TraitValue.Integer(new BigInteger(Math.Truncate(value))) : null;
    }

    /// <summary>Aodh compares the type with <c>in (2, 'integer')</c>, so a float <c>2.0</c> or <c>True</c>-like numbers count as codes.</summary>
    private static int TypeCode(JsonNode? type) => type switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonNumbers.ToDouble(value) switch
        {
            2 => 2,
            3 => 3,
            4 => 4,
            _ => 1,
        },
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() switch
        {
            "integer" => 2,
            "float" => 3,
            "datetime" => 4,
            _ => 1,
        },
        _ => 1,
    };

    /// <summary>Python's <c>int()</c>, <c>float()</c>, <c>parse_isotime</c> or <c>str()</c> of a decoded JSON value.</summary>
    /// <returns>Null when Python would raise.</returns>
    public static TraitValue? Convert(JsonNode? value, int typeCode)
    {
        var kind = value?.GetValueKind();
        switch (typeCode)
        {
            case 2 when kind == JsonValueKind.Number:
                return IntegerOf(value!);
            case 2 when kind is JsonValueKind.True or JsonValueKind.False:
                return new TraitValue.Integer(kind == JsonValueKind.True ? 1 : 0);
            case 2 when kind == JsonValueKind.String:
                return TraitValue.TryParseInteger(value!.GetValue<string>(), out var integer) ? new TraitValue.Integer(integer) : null;
            case 2:
                return null;
            case 3 when kind == JsonValueKind.Number:
                return new TraitValue.Float(JsonNumbers.ToDouble(value!));
            case 3 when kind is JsonValueKind.True or JsonValueKind.False:
                return new TraitValue.Float(kind == JsonValueKind.True ? 1 : 0);
            case 3 when kind == JsonValueKind.String:
                return TraitValue.TryParseFloat(value!.GetValue<string>(), out var number) ? new TraitValue.Float(number) : null;
            case 3:
                return null;
            case 4:
                return kind == JsonValueKind.String && TraitValue.TryParseTimestamp(value!.GetValue<string>(), out var at)
                    ? new TraitValue.Timestamp(at)
                    : null;
            default:
                return new TraitValue.Text(PythonRepr.Str(value));
        }
    }
}
