using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;

namespace Alarming.Core.Metrics;

/// <summary>Reads pushed measures, <c>[{"timestamp": T, "value": V}, ...]</c>, as Gnocchi does.</summary>
public static class MeasureItems
{
    /// <returns>The measures, or the description of Gnocchi's 400 answer when an item is not one.</returns>
    public static (IReadOnlyList<Measure> Measures, JsonObject? Invalid) Parse(JsonNode? body, DateTimeOffset now)
    {
        if (body is not JsonArray items)
        {
            return ([], Invalid("expected a list of measures", "measures"));
        }
        var measures = new List<Measure>(items.Count);
        foreach (var item in items)
        {
            if (item is not JsonObject measure)
            {
                return ([], Invalid("unexpected measures format"));
            }
            var timestamp = measure["timestamp"];
            var text = timestamp is null ? "" : PythonRepr.Str(timestamp);
            if (!GnocchiTime.TryParse(text, now, out var at))
            {
                return ([], new JsonObject { ["cause"] = "Invalid input", ["reason"] = $"unexpected timestamp '{text}'" });
            }
            if (!TryValue(measure["value"], out var value))
            {
                return ([], Invalid("unexpected measures value"));
            }
            measures.Add(new Measure(at, value));
        }
        return (measures, null);
    }

    /// <summary>Gnocchi's "Invalid input" description, with the offending fields.</summary>
    public static JsonObject Invalid(string reason, params string[] detail) => new()
    {
        ["cause"] = "Invalid input",
        ["reason"] = reason,
        ["detail"] = new JsonArray(detail.Select(d => (JsonNode?)d).ToArray()),
    };

    /// <remarks>Our deviation: NaN and infinities are refused; booleans count 1/0 as in Gnocchi.</remarks>
    private static bool TryValue(JsonNode? node, out double value)
    {
        value = 0;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.Number:
                value = JsonNumbers.ToDouble(node);
                return double.IsFinite(value);
            case JsonValueKind.String:
                return double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }
}
