using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Core.Python;

namespace Alarming.Core.Metrics;

/// <summary>Gnocchi's JSON resource filter: comparisons, <c>in</c>, <c>like</c>,
/// <c>and</c>/<c>or</c>/<c>not</c>, with Gnocchi's null rules.</summary>
public static class ResourceFilter
{
    private static readonly Dictionary<string, string> Operators = new()
    {
        ["="] = "eq", ["=="] = "eq", ["eq"] = "eq", ["!="] = "ne", ["ne"] = "ne", ["≠"] = "ne",
        ["<"] = "lt", ["lt"] = "lt", [">"] = "gt", ["gt"] = "gt", ["<="] = "le", ["le"] = "le", ["≤"] = "le",
        [">="] = "ge", ["ge"] = "ge", ["≥"] = "ge",
    };

    private static readonly HashSet<string> DateAttributes = ["started_at", "ended_at", "revision_start", "revision_end"];

    /// <summary>Builds a predicate, or explains why the filter is invalid.</summary>
    public static Func<ResourceDefinition, bool> Parse(JsonNode? filter, Func<string, string> resolveId)
    {
        if (filter is null || (filter is JsonObject empty && empty.Count == 0))
        {
            return _ => true;
        }
        if (filter is not JsonObject obj || obj.Count != 1)
        {
            throw new FormatException("Invalid filter: a filter is an object with one operator");
        }
        var (key, value) = obj.First();
        var op = key.ToLowerInvariant();
        return op switch
        {
            "and" or "∧" or "or" or "∨" => ParseConjunction(key, op, value, resolveId),
            "not" => ParseNegation(value, resolveId),
            "in" => ParseIn(value, resolveId),
            "like" => ParseLike(value),
            _ => ParseComparison(key, op, value, resolveId),
        };
    }

    private static Func<ResourceDefinition, bool> ParseConjunction(string key, string op, JsonNode? value, Func<string, string> resolveId)
    {
        if (value is not JsonArray { Count: > 0 } items)
        {
            throw new FormatException($"Invalid filter: '{key}' needs a non-empty list");
        }
        var children = items.Select(i => Parse(i, resolveId)).ToList();
        return op is "and" or "∧" ? r => children.All(c => c(r)) : r => children.Any(c => c(r));
    }

    private static Func<ResourceDefinition, bool> ParseNegation(JsonNode? value, Func<string, string> resolveId)
    {
        var inner = Parse(value, resolveId);
        return r => !inner(r);
    }

    private static Func<ResourceDefinition, bool> ParseIn(JsonNode? value, Func<string, string> resolveId)
    {
        var (attribute, list) = Leaf(value);
        if (list is not JsonArray { Count: > 0 } values)
        {
            throw new FormatException("length of value must be at least 1");
        }
        var candidates = values.Select(v => Convert(attribute, v, resolveId)).ToList();
        return r => Read(r, attribute) is { } actual && candidates.Any(c => Compare(actual, c) == 0);
    }

    /// <summary>SQL's <c>like</c>: <c>%</c> is any run of characters, <c>_</c> any one character.</summary>
    private static Func<ResourceDefinition, bool> ParseLike(JsonNode? value)
    {
        var (attribute, pattern) = Leaf(value);
        if (attribute == "id")
        {
            throw new FormatException("Invalid filter: like is not allowed on id");
        }
        var regex = new Regex("^" + Regex.Escape(PythonRepr.Str(pattern)).Replace("%", ".*").Replace("_", ".") + "$", RegexOptions.Singleline);
        return r => Read(r, attribute) is { } actual && regex.IsMatch(Text(actual));
    }

    private static Func<ResourceDefinition, bool> ParseComparison(string key, string op, JsonNode? value, Func<string, string> resolveId)
    {
        if (!Operators.TryGetValue(op, out var comparison))
        {
            throw new FormatException($"Invalid filter: unknown operator {key}");
        }
        var (attribute, operand) = Leaf(value);
        var expected = operand is null ? null : Convert(attribute, operand, resolveId);
        return r => Matches(comparison, Read(r, attribute), expected);
    }

    private static bool Matches(string op, object? actual, object? expected)
    {
        if (expected is null)
        {
            return op switch { "eq" => actual is null, "ne" => actual is not null, _ => false };
        }
        if (actual is null)
        {
            return op == "ne";
        }
        var result = Compare(actual, expected);
        return op switch
        {
            "eq" => result == 0,
            "ne" => result != 0,
            "lt" => result < 0,
            "gt" => result > 0,
            "le" => result <= 0,
            _ => result >= 0,
        };
    }

    private static (string Attribute, JsonNode? Operand) Leaf(JsonNode? value)
    {
        if (value is not JsonObject leaf || leaf.Count != 1)
        {
            throw new FormatException("Invalid filter: an operator takes one attribute");
        }
        var (attribute, operand) = leaf.First();
        return (attribute, operand);
    }

    /// <remarks>A JSON <c>null</c> reads as Python's <c>None</c>, as Gnocchi's filter sees it.</remarks>
    private static object Convert(string attribute, JsonNode? value, Func<string, string> resolveId)
    {
        var text = PythonRepr.Str(value);
        if (attribute == "id")
        {
            return resolveId(text);
        }
        if (DateAttributes.Contains(attribute))
        {
            return PythonTimestamp.TryParse(text, out var instant) ? instant : throw new FormatException($"Invalid value: `{text}' for field `{attribute}'");
        }
        return value?.GetValueKind() switch
        {
            JsonValueKind.Number => JsonNumbers.ToDouble(value!),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => text,
        };
    }

    private static object? Read(ResourceDefinition resource, string attribute) => attribute switch
    {
        "id" => resource.Id.ToString(),
        "type" => resource.Type,
        "original_resource_id" => resource.OriginalResourceId,
        "creator" => resource.Creator,
        "created_by_user_id" => resource.CreatedByUserId,
        "created_by_project_id" => resource.CreatedByProjectId,
        "user_id" => resource.UserId,
        "project_id" => resource.ProjectId,
        "started_at" => resource.StartedAt,
        "ended_at" => resource.EndedAt,
        "revision_start" => resource.RevisionStart,
        "revision_end" => null,
        _ => resource.Attributes[attribute] switch
        {
            null => null,
            var node when node.GetValueKind() == JsonValueKind.Number => JsonNumbers.ToDouble(node),
            var node when node.GetValueKind() == JsonValueKind.True => true,
            var node when node.GetValueKind() == JsonValueKind.False => false,
            var node => PythonRepr.Str(node),
        },
    };

    private static int Compare(object actual, object expected) => (actual, expected) switch
    {
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => string.CompareOrdinal(Text(actual), Text(expected)),
    };

    private static string Text(object value) => value switch
    {
        double d => PythonFloat.Format(d),
        bool b => b ? "True" : "False",
        DateTimeOffset t => PythonTimestamp.Format(t),
        _ => value.ToString() ?? "",
    };
}
