using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alarming.Core.Python;

/// <summary>Python's <c>json.dumps</c> with its defaults: <c>", "</c> and <c>": "</c>
/// separators and every non-ASCII character escaped as <c>\uXXXX</c>.</summary>
/// <remarks>History details and scoped Gnocchi queries are stored as this exact text, and
/// Aodh's tests compare them as whole strings.</remarks>
public static class PythonJson
{
    public static string Dumps(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    /// <summary>Python's <c>json.loads</c>: like <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>,
    /// but a repeated key keeps its last value instead of failing.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonNode? Loads(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        return Build(document.RootElement);
    }

    private static JsonNode? Build(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => BuildObject(element),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(Build).ToArray()),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(element.Clone()),
    };

    private static JsonObject BuildObject(JsonElement element)
    {
        var obj = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            obj[property.Name] = Build(property.Value);
        }
        return obj;
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj);
                break;
            case JsonArray array:
                WriteArray(builder, array);
                break;
            default:
                WriteValue(builder, node);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!first)
            {
                builder.Append(", ");
            }
            first = false;
            WriteString(builder, key);
            builder.Append(": ");
            Write(builder, value);
        }
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array)
    {
        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }
            Write(builder, array[i]);
        }
        builder.Append(']');
    }

    /// <remarks>Integers keep their JSON text, as Python's int does; other numbers print as Python floats.</remarks>
    private static void WriteValue(StringBuilder builder, JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, node.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(JsonNumbers.IsInteger(node) ? JsonNumbers.RawText(node) : PythonFloat.Format(JsonNumbers.ToDouble(node)));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
