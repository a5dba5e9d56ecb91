using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.Metrics;

/// <summary>Reads pushed measures, <c>[{"timestamp": T, "value": V}, ...]</c> (metrics.md §3).</summary>
public static class MeasureItems
{
    public static (IReadOnlyList<Measure> Measures, IActionResult? Error) Parse(JsonNode? body, DateTimeOffset now)
    {
        if (body is not JsonArray items)
        {
            return ([], GnocchiResults.Invalid("expected a list of measures", "measures"));
        }
        var measures = new List<Measure>(items.Count);
        foreach (var item in items)
        {
            if (item is not JsonObject measure)
            {
                return ([], GnocchiResults.Invalid("unexpected measures format"));
            }
            var timestamp = measure["timestamp"];
            var text = timestamp is null ? "" : PythonRepr.Str(timestamp);
            if (!GnocchiTime.TryParse(text, now, out var at))
            {
                return ([], GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid input", ["reason"] = $"unexpected timestamp '{text}'" }));
            }
            if (!TryValue(measure["value"], out var value))
            {
                return ([], GnocchiResults.Invalid("unexpected measures value"));
            }
            measures.Add(new Measure(at, value));
        }
        return (measures, null);
    }

    /// <remarks>[deviation] NaN and infinities are refused; booleans count 1/0 as in Gnocchi.</remarks>
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
