using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alarming.Core.Python;

/// <summary>Reads JSON numbers as Python's <c>json</c> module decodes them: a number token
/// without fraction or exponent is an <c>int</c>, anything else a <c>float</c>.</summary>
public static class JsonNumbers
{
    public static bool IsInteger(JsonNode node)
    {
        var text = RawText(node);
        return !text.Contains('.') && !text.Contains('e') && !text.Contains('E');
    }

    public static string RawText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<JsonElement>(out var element)
            ? element.GetRawText()
            : node.ToJsonString();

    public static double ToDouble(JsonNode node) =>
        double.Parse(RawText(node), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A float node that serializes as Python writes the float (<c>80.0</c>, not <c>80</c>).</summary>
    public static JsonNode Float(double value)
    {
        var text = double.IsFinite(value) ? PythonFloat.Format(value) : JsonSerializer.Serialize(value.ToString(CultureInfo.InvariantCulture));
        using var document = JsonDocument.Parse(text);
        return JsonValue.Create(document.RootElement.Clone())!;
    }
}
