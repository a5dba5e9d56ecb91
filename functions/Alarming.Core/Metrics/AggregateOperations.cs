using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Metrics;

/// <summary>The <c>operations</c> of <c>POST /v1/aggregates</c>: <c>metric</c>
/// nodes and an optional <c>aggregate</c> over them.</summary>
/// <param name="Method">The <c>aggregate</c> method, or <c>null</c> when the series are returned apart.</param>
/// <param name="References">(metric id or name pattern, aggregation method) pairs.</param>
public sealed record AggregateOperations(string? Method, IReadOnlyList<(string Reference, string Aggregation)> References)
{
    private static readonly HashSet<string> AggregateMethods = ["mean", "median", "std", "min", "max", "sum", "var", "count"];

    public static (AggregateOperations? Operations, string? Error) Parse(JsonNode? operations)
    {
        var node = operations is JsonValue value && value.TryGetValue<string>(out var text) ? ParseText(text) : operations;
        if (node is not JsonArray list || list.Count == 0)
        {
            return (null, "'operations' operation invalid");
        }
        var head = Head(list);
        if (head == "metric")
        {
            return MetricNode(list) is { } refs ? (new AggregateOperations(null, refs), null) : (null, "'metric' operation invalid");
        }
        if (head != "aggregate" || list.Count < 3 || Head(list, 1) is not { } method)
        {
            return (null, $"'{head}' operation invalid");
        }
        var baseMethod = method.StartsWith("rate:", StringComparison.Ordinal) ? method["rate:".Length..] : method;
        if (!AggregateMethods.Contains(baseMethod))
        {
            return (null, $"'{method}' operation invalid");
        }
        // ["aggregate", M, node] and, as our extension for real Aodh's multi-metric rules, ["aggregate", M, n1, n2, ...].
        var references = new List<(string, string)>();
        foreach (var child in list.Skip(2))
        {
            if (child is not JsonArray childList || Head(childList) != "metric" || MetricNode(childList) is not { } refs)
            {
                return (null, "'aggregate' operation invalid");
            }
            references.AddRange(refs);
        }
        return (new AggregateOperations(method, references), null);
    }

    private static List<(string, string)>? MetricNode(JsonArray node)
    {
        if (node.Count == 3 && node[1] is JsonValue && node[2] is JsonValue)
        {
            return [(PythonRepr.Str(node[1]), PythonRepr.Str(node[2]))];
        }
        var refs = new List<(string, string)>();
        foreach (var pair in node.Skip(1))
        {
            if (pair is not JsonArray { Count: 2 } p)
            {
                return null;
            }
            refs.Add((PythonRepr.Str(p[0]), PythonRepr.Str(p[1])));
        }
        return refs.Count > 0 ? refs : null;
    }

    private static string? Head(JsonArray list, int index = 0) =>
        list.Count > index && list[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary><c>"(aggregate mean (metric id mean))"</c> → nested lists; numbers become floats.</summary>
    private static JsonNode? ParseText(string text)
    {
        var parser = new TextParser();
        foreach (var c in text)
        {
            if (!parser.Read(c))
            {
                return null;
            }
        }
        return parser.Result;
    }

    /// <summary>Reads the text one character at a time; the stack holds the lists still open.</summary>
    private sealed class TextParser
    {
        private readonly Stack<JsonArray> stack = new();
        private JsonArray? root;
        private string token = "";

        /// <summary>The outermost list, or <c>null</c> while a list is left open.</summary>
        public JsonNode? Result => stack.Count == 0 ? root : null;

        /// <returns><c>false</c> on a closing parenthesis with no list open.</returns>
        public bool Read(char c)
        {
            switch (c)
            {
                case '(':
                    Flush();
                    Open();
                    return true;
                case ')':
                    Flush();
                    if (stack.Count == 0)
                    {
                        return false;
                    }
                    stack.Pop();
                    return true;
                case ' ' or '\t' or '\n':
                    Flush();
                    return true;
                default:
                    token += c;
                    return true;
            }
        }

        private void Open()
        {
            var list = new JsonArray();
            if (stack.Count > 0)
            {
                stack.Peek().Add(list);
            }
            else
            {
                root = list;
            }
            stack.Push(list);
        }

        /// <remarks>A token outside every list is dropped, as before the first parenthesis.</remarks>
        private void Flush()
        {
            if (token.Length == 0 || stack.Count == 0)
            {
                token = "";
                return;
            }
            stack.Peek().Add(double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonNumbers.Float(number)
                : JsonValue.Create(token));
            token = "";
        }
    }
}
