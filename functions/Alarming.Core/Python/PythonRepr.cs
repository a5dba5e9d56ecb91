using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alarming.Core.Python;

/// <summary>Python's <c>repr</c> and <c>str</c> of JSON values, for error messages that Aodh
/// builds with them and clients compare as text.</summary>
public static class PythonRepr
{
    public static string String(string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append(quote).ToString();
    }

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";

    public static string Set(IEnumerable<string> items) => "{" + string.Join(", ", items.Select(String)) + "}";

    /// <summary><c>repr</c> of a value decoded from JSON (dict, list, str, int, float, bool, None).</summary>
    public static string Of(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => String(p.Key) + ": " + Of(p.Value))) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Of)) + "]",
        JsonValue value => Scalar(value, quoteStrings: true),
        _ => node.ToJsonString(),
    };

    /// <summary><c>str</c> of a decoded JSON value: like <see cref="Of"/> but a string is bare.</summary>
    public static string Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : Of(node);

    /// <summary>Python's class name of a decoded JSON value, as WSME prints it.</summary>
    public static string ClassName(JsonNode? node) => node switch
    {
        null => "<class 'NoneType'>",
        JsonObject => "<class 'dict'>",
        JsonArray => "<class 'list'>",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "<class 'str'>",
            JsonValueKind.True or JsonValueKind.False => "<class 'bool'>",
            JsonValueKind.Number => JsonNumbers.IsInteger(node) ? "<class 'int'>" : "<class 'float'>",
            _ => "<class 'NoneType'>",
        },
    };

    private static string Scalar(JsonValue value, bool quoteStrings) => value.GetValueKind() switch
    {
        JsonValueKind.String => quoteStrings ? String(value.GetValue<string>()) : value.GetValue<string>(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Number => JsonNumbers.IsInteger(value)
            ? JsonNumbers.RawText(value)
            : Format(JsonNumbers.ToDouble(value)),
        _ => "None",
    };

    private static string Format(double value) => PythonFloat.Format(value);
}
