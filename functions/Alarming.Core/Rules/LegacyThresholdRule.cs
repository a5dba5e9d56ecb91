using System.Globalization;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>The legacy <c>threshold</c> rule of Ceilometer's statistics: a
/// meter over the resources a query selects, brought back for the seed document's command.</summary>
internal sealed class LegacyThresholdRule : IRuleDefinition
{
    public const string Argument = "data.threshold_rule";

    public static readonly IReadOnlyList<string> Statistics = ["max", "min", "avg", "sum", "count"];

    /// <summary>The response's order; rows are stored in <see cref="StoredOrder"/>.</summary>
    public static readonly IReadOnlyList<string> OutputOrder =
        ["meter_name", "query", "period", "comparison_operator", "threshold", "statistic", "evaluation_periods", "exclude_outliers"];

    private static readonly IReadOnlyList<string> StoredOrder =
        ["period", "comparison_operator", "threshold", "statistic", "evaluation_periods", "meter_name", "exclude_outliers", "query"];

    private static readonly IReadOnlyList<string> QueryFields =
        ["resource_id", "resource", "project_id", "project", "user_id", "user", "meter", "source", "message_id"];

    private static readonly IReadOnlyList<string> ValidKeys =
        ["message_id", "meter", "project", "resource", "search_offset", "source", "timestamp", "user"];

    public string Type => AlarmTypes.Threshold;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(StoredOrder);
        // WSME reads a type's attributes in name order, so the first error is the first by name.
        var comparison = Enumeration(rule, "comparison_operator", ThresholdFields.ComparisonOperators) ?? "eq";
        var periods = rule.Integer("evaluation_periods", minimum: 1).Value ?? 1;
        var exclude = rule.Bool("exclude_outliers").Value ?? false;
        var meter = rule.String("meter_name", mandatory: true).Value;
        var period = rule.Integer("period", minimum: 1).Value ?? 60;
        var query = rule.ObjectList("query", Argument + ".query", ParseQueryItem).Value ?? [];
        var statistic = Enumeration(rule, "statistic", Statistics) ?? "avg";
        var threshold = rule.Float("threshold", mandatory: true).Value!.Value;
        return new JsonObject
        {
            ["period"] = period,
            ["comparison_operator"] = comparison,
            ["threshold"] = JsonNumbers.Float(threshold),
            ["statistic"] = statistic,
            ["evaluation_periods"] = periods,
            ["meter_name"] = meter,
            ["exclude_outliers"] = exclude,
            ["query"] = new JsonArray(query.Select(q => (JsonNode?)q).ToArray()),
        };
    }

    public string DefaultDescription(JsonObject rule) =>
        $"Alarm when {rule["meter_name"]} is {rule["comparison_operator"]} a {rule["statistic"]} of " +
        $"{PythonFloat.Format(JsonNumbers.ToDouble(rule["threshold"]!))} over {rule["period"]} seconds";

    /// <summary>The query's fields and operators, then the project term every rule
    /// of a scoped caller carries (appended when missing).</summary>
    public void Validate(JsonObject rule, RuleValidationContext context)
    {
        var query = rule["query"]!.AsArray();
        var items = query.Select(i => i!.AsObject()).ToList();
        var caller = context.Caller;
        if (!caller.IsAdmin)
        {
            RequireProjectTerms(items, caller.ProjectId);
        }
        RejectReservedFields(items);
        CheckItems(items);

        var scope = caller.IsAdmin
            ? (context.BodyProjectId is { } given && given != caller.ProjectId ? given : null)
            : caller.ProjectId;
        if (scope is null)
        {
            return;
        }
        RequireProjectTerms(items, scope);
        if (!items.Any(i => Text(i, "field") == "project_id"))
        {
            query.Add(new JsonObject { ["field"] = "project_id", ["op"] = "eq", ["value"] = scope });
        }
    }

    /// <summary>Every project term of the query must name <paramref name="project"/>.</summary>
    private static void RequireProjectTerms(List<JsonObject> items, string project)
    {
        foreach (var item in items.Where(i => IsProjectField(Text(i, "field"))))
        {
            if (Text(item, "value") != project)
            {
                throw new ApiErrorException(ApiError.NotAuthorizedProject(Text(item, "value")));
            }
        }
    }

    private static void RejectReservedFields(List<JsonObject> items)
    {
        // Aodh looks for a timestamp item in the whole query before it looks for a search_offset one.
        if (new[] { "timestamp", "search_offset" }.FirstOrDefault(r => items.Any(i => Text(i, "field") == r)) is { } reserved)
        {
            throw new ApiErrorException(ApiError.BadRequest($"Unknown argument: \"{reserved}\": not valid for this resource"));
        }
    }

    /// <summary>Each item in turn: known field, then operator, then a metadata value's type.</summary>
    private static void CheckItems(List<JsonObject> items)
    {
        foreach (var item in items)
        {
            var field = Text(item, "field") ?? "";
            var isMetadata = field.StartsWith("metadata.", StringComparison.Ordinal) || field.StartsWith("resource_metadata.", StringComparison.Ordinal);
            if (!isMetadata && !QueryFields.Contains(field))
            {
                throw new ApiErrorException(ApiError.BadRequest(
                    $"Unknown argument: \"{field}\": unrecognized field in query: [{string.Join(", ", items.Select(Repr))}], valid keys: {PythonRepr.List(ValidKeys)}"));
            }
            if (Text(item, "op") is { } op && op != "eq")
            {
                throw new ApiErrorException(ApiError.InvalidInput("op", op, $"unimplemented operator for {field}"));
            }
            if (isMetadata)
            {
                QueryValue.CheckConvertible(Text(item, "value") ?? "", Text(item, "type"));
            }
        }
    }

    /// <summary>The rule in the response's order, query items as <c>field, op, value, type</c>.</summary>
    public static JsonObject ForOutput(JsonObject stored)
    {
        var output = new JsonObject();
        foreach (var key in OutputOrder.Where(stored.ContainsKey))
        {
            output[key] = key == "query"
                ? new JsonArray(stored[key]!.AsArray().Select(i => (JsonNode?)ItemForOutput(i!.AsObject())).ToArray())
                : stored[key]?.DeepClone();
        }
        return output;
    }

    private static JsonObject ItemForOutput(JsonObject item)
    {
        var output = new JsonObject { ["field"] = item["field"]?.DeepClone(), ["op"] = item["op"]?.DeepClone(), ["value"] = item["value"]?.DeepClone() };
        if (item.ContainsKey("type"))
        {
            output["type"] = item["type"]?.DeepClone();
        }
        return output;
    }

    /// <summary>An enumeration given as <c>null</c> fails it here (as Aodh 15 did when it ran), where the Gnocchi rules take the default.</summary>
    private static string? Enumeration(BodyReader rule, string name, IReadOnlyList<string> values)
    {
        if (rule.Has(name) && rule.Raw(name) is null)
        {
            throw new ApiErrorException(ApiError.InvalidInput(name, "None", "Value should be one of: " + string.Join(", ", values)));
        }
        return rule.Enumeration(name, values).Value;
    }

    private static JsonObject ParseQueryItem(BodyReader item)
    {
        item.RejectUnknown(["field", "op", "value", "type"]);
        var field = item.String("field", mandatory: true).Value;
        var op = item.String("op").Value ?? "eq";
        var type = item.String("type");
        var value = item.String("value", mandatory: true).Value;
        var parsed = new JsonObject { ["field"] = field, ["op"] = op };
        if (type.Present)
        {
            parsed["type"] = type.Value;
        }
        parsed["value"] = value;
        return parsed;
    }

    /// <summary>Aodh's <c>Query.__repr__</c>: <c>&lt;Query 'field' op 'value' type&gt;</c>.</summary>
    private static string Repr(JsonObject item)
    {
        var type = !item.ContainsKey("type") ? "Unset" : Text(item, "type") ?? "None";
        return $"<Query {PythonRepr.String(Text(item, "field") ?? "")} {Text(item, "op")} {PythonRepr.String(Text(item, "value") ?? "")} {type}>";
    }

    private static bool IsProjectField(string? field) => field is "project_id" or "project";

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
