using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>Traits from an Event Grid or CloudEvents <c>data</c> object: every scalar, nested objects
/// flattened with dots, arrays and nulls skipped; types from the JSON kinds.</summary>
public static class EventData
{
    public static IEnumerable<JsonArray> Traits(JsonNode? data, string prefix = "")
    {
        if (data is not JsonObject obj)
        {
            yield break;
        }
        foreach (var (key, value) in obj)
        {
            if (value is JsonObject nested)
            {
                foreach (var trait in Traits(nested, prefix + key + "."))
                {
                    yield return trait;
                }
            }
            else if (Trait(prefix + key, value) is { } trait)
            {
                yield return trait;
            }
        }
    }

    /// <summary>A string trait: the value's Python <c>str</c>.</summary>
    public static JsonArray Text(string name, string value) => new(name, 1, value);

    private static JsonArray? Trait(string name, JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => Text(name, value.GetValue<string>()),
        JsonValueKind.Number => new JsonArray(name, JsonNumbers.IsInteger(value) ? 2 : 3, value.DeepClone()),
        JsonValueKind.True or JsonValueKind.False => Text(name, PythonRepr.Str(value)),
        _ => null,
    };

    /// <summary>The project a producer's event names in its data: <c>project_id</c>, else <c>tenant_id</c>.</summary>
    public static string? Project(JsonNode? data) =>
        data is JsonObject obj && (obj["project_id"] ?? obj["tenant_id"]) is JsonValue value ? PythonRepr.Str(value) : null;
}
