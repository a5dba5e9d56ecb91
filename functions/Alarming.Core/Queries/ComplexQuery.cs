using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Core.Access;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary><c>POST /v2/query/alarms</c> and <c>/v2/query/alarms/history</c>: a JSON filter
/// tree, an order and a limit.</summary>
public sealed class ComplexQuery<T>
{
    private static readonly string[] Comparisons = ["=", "!=", "<", ">", "<=", "=<", ">=", "=>", "=~"];

    /// <summary>The names Aodh accepts besides the fields, in its order, and the fields they stand for.</summary>
    private static readonly (string Alias, string Field)[] Aliases = [("user", "user_id"), ("project", "project_id")];

    private readonly IReadOnlyList<QueryField<T>> fields;
    private readonly string visibilityField;
    private readonly string fieldPatterns;
    private readonly RegexOptions regexOptions;

    /// <param name="visibilityField">The field that scopes a non-admin to its project
    /// (<c>project_id</c> for alarms, <c>on_behalf_of</c> for history).</param>
    /// <param name="linearRegex">Match <c>=~</c> in linear time (no backreferences or lookaround), for a filter
    /// that is kept and run again and again rather than once per request.</param>
    public ComplexQuery(IReadOnlyList<QueryField<T>> fields, string visibilityField, bool linearRegex = false)
    {
        this.fields = fields;
        this.visibilityField = visibilityField;
        fieldPatterns = FieldPatterns(fields);
        regexOptions = RegexOptions.CultureInvariant | (linearRegex ? RegexOptions.NonBacktracking : RegexOptions.None);
    }

    public sealed record Parsed(Func<T, bool> Matches, IReadOnlyList<SortKey<T>>? Order, int Limit);

    public Result<Parsed> Parse(string? filter, string? orderBy, long? limit, Caller caller)
    {
        try
        {
            Func<T, bool> matches = _ => true;
            if (!string.IsNullOrEmpty(filter))
            {
                JsonNode? tree;
                try
                {
                    tree = PythonJson.Loads(filter);
                }
                catch (JsonException e)
                {
                    throw FilterInvalid(e.Message);
                }
                matches = Build(tree, caller);
            }
            if (!caller.IsAdmin)
            {
                var visible = fields.First(f => f.Name == visibilityField).Read;
                var inner = matches;
                matches = item => visible(item) as string == caller.ProjectId && inner(item);
            }
            if (limit is <= 0)
            {
                return ApiError.BadRequest("Limit should be positive");
            }
            return new Parsed(matches, ParseOrder(orderBy), (int)(limit ?? 0));
        }
        catch (ApiErrorException e)
        {
            return e.Error;
        }
    }

    private Func<T, bool> Build(JsonNode? node, Caller caller)
    {
        if (node is not JsonObject obj || obj.Count != 1)
        {
            throw FilterInvalid($"{PythonRepr.Of(node)} is not valid under any of the given schemas");
        }
        var (key, value) = obj.First();
        var op = key.ToLowerInvariant();
        switch (op)
        {
            case "and" or "or":
                if (value is not JsonArray operands || operands.Count < 2)
                {
                    throw FilterInvalid($"{PythonRepr.Of(value)} is too short");
                }
                var children = operands.Select(o => Build(o, caller)).ToList();
                return op == "and" ? item => children.All(c => c(item)) : item => children.Any(c => c(item));
            case "not":
                var negated = Build(value, caller);
                return item => !negated(item);
            case "in":
                return BuildIn(value, caller);
            default:
                if (!Comparisons.Contains(op))
                {
                    throw FilterInvalid($"{PythonRepr.String(key)} is not a valid operator");
                }
                return BuildComparison(op, value, caller);
        }
    }

    private Func<T, bool> BuildIn(JsonNode? value, Caller caller)
    {
        var (field, operand) = Leaf(value);
        if (operand is not JsonArray list || list.Count == 0 ||
            list.Any(v => v is null || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number)))
        {
            throw FilterInvalid($"{PythonRepr.Of(operand)} is not valid under any of the given schemas");
        }
        if (field.Name == visibilityField && !caller.IsAdmin)
        {
            throw new ApiErrorException(ApiError.NotAuthorizedProject(PythonRepr.Of(list)));
        }
        if (field.Kind == QueryFieldKind.Timestamp)
        {
            throw new ApiErrorException(ApiError.BadRequest($"Failed to parse the timestamp value {PythonRepr.Of(list)}"));
        }
        var values = list.Select(v => Operand(field, v!)).ToList();
        return item => values.Any(v => Compare(field.Read(item), v) == 0);
    }

    private Func<T, bool> BuildComparison(string op, JsonNode? value, Caller caller)
    {
        var (field, operand) = Leaf(value);
        if (operand is null || operand is JsonObject || operand is JsonArray)
        {
            throw FilterInvalid($"{PythonRepr.Of(operand)} is not valid under any of the given schemas");
        }
        if (field.Name == visibilityField && !caller.IsAdmin && PythonRepr.Str(operand) != caller.ProjectId)
        {
            throw new ApiErrorException(ApiError.NotAuthorizedProject(PythonRepr.Str(operand)));
        }
        var expected = Operand(field, operand);
        if (op == "=~")
        {
            Regex regex;
            try
            {
                regex = new Regex(FieldValues.Text(expected), regexOptions, TimeSpan.FromSeconds(1));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw FilterInvalid(e.Message);
            }
            return item => field.Read(item) is { } actual && regex.IsMatch(FieldValues.Text(actual));
        }
        return item =>
        {
            var actual = field.Read(item);
            if (actual is null)
            {
                return false;  // SQL: a comparison with NULL is never true
            }
            var result = Compare(actual, expected);
            return op switch
            {
                "=" => result == 0,
                "!=" => result != 0,
                "<" => result < 0,
                ">" => result > 0,
                "<=" or "=<" => result <= 0,
                _ => result >= 0,
            };
        };
    }

    private (QueryField<T> Field, JsonNode? Operand) Leaf(JsonNode? value)
    {
        if (value is not JsonObject leaf || leaf.Count != 1)
        {
            throw FilterInvalid($"{PythonRepr.Of(value)} is not valid under any of the given schemas");
        }
        var (name, operand) = leaf.First();
        return (Field(name, FilterInvalid), operand);
    }

    private QueryField<T> Field(string name, Func<string, ApiErrorException> invalid)
    {
        var canonical = Aliases.FirstOrDefault(a => a.Alias == name).Field ?? name;
        return fields.FirstOrDefault(f => f.Name == canonical)
            ?? throw invalid($"{PythonRepr.String(name)} does not match any of the regexes: {fieldPatterns}");
    }

    /// <summary>The repr of the one field regex of Aodh's schema, as jsonschema's message quotes it:
    /// <c>'^alarm_actions$|^alarm_id$|…|^user$|^project$'</c>.</summary>
    /// <remarks>Aodh joins the fields in the order of a Python set, which changes from one process
    /// to the next; name order is the stable one of those orders.</remarks>
    private static string FieldPatterns(IEnumerable<QueryField<T>> fields) => PythonRepr.String(string.Join("|",
        fields.Select(f => f.Name).Order(StringComparer.Ordinal).Concat(Aliases.Select(a => a.Alias)).Select(name => $"^{name}$")));

    /// <summary>A filter value converted to the field's kind (timestamps parsed, offsets dropped).</summary>
    private static object? Operand(QueryField<T> field, JsonNode value)
    {
        var kind = value.GetValueKind();
        if (field.Kind == QueryFieldKind.Timestamp)
        {
            var text = PythonRepr.Str(value);
            return PythonTimestamp.TryParse(text, out var instant)
                ? instant
                : throw new ApiErrorException(ApiError.BadRequest($"Failed to parse the timestamp value {text}"));
        }
        return kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonNumbers.ToDouble(value),
            _ => value.GetValue<string>(),
        };
    }

    private static int Compare(object? actual, object? expected) => (actual, expected) switch
    {
        (bool a, double d) => a.CompareTo(d != 0),
        (bool a, string s) when PythonBoolean.TryParse(s, out var b) => a.CompareTo(b),
        (string s, double d) when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n.CompareTo(d),
        _ => FieldValues.Comparer.Compare(actual, expected),
    };

    private IReadOnlyList<SortKey<T>>? ParseOrder(string? orderBy)
    {
        if (orderBy is null)
        {
            return null;
        }
        return [.. LoadOrderItems(orderBy).Select(ParseSortKey)];
    }

    private static JsonArray LoadOrderItems(string orderBy)
    {
        JsonNode? node;
        try
        {
            node = PythonJson.Loads(orderBy);
        }
        catch (JsonException e)
        {
            throw OrderInvalid(e.Message);
        }
        if (node is not JsonArray items)
        {
            throw OrderInvalid($"{PythonRepr.Of(node)} is not of type 'array'");
        }
        return items;
    }

    /// <summary>One <c>{"field": "asc"|"desc"}</c> item, the direction in any case.</summary>
    private SortKey<T> ParseSortKey(JsonNode? item)
    {
        if (item is not JsonObject one || one.Count != 1)
        {
            throw OrderInvalid($"{PythonRepr.Of(item)} is not valid under any of the given schemas");
        }
        var (name, direction) = one.First();
        var dir = direction is JsonValue v && v.TryGetValue<string>(out var d) ? d.ToLowerInvariant() : null;
        if (dir is not ("asc" or "desc"))
        {
            throw OrderInvalid($"{PythonRepr.Of(direction)} is not one of ['asc', 'desc']");
        }
        return new SortKey<T>(Field(name, OrderInvalid), dir == "desc");
    }

    private static ApiErrorException FilterInvalid(string reason) => new(ApiError.BadRequest($"Filter expression not valid: {reason}"));

    private static ApiErrorException OrderInvalid(string reason) => new(ApiError.BadRequest($"Order-by expression not valid: {reason}"));
}
