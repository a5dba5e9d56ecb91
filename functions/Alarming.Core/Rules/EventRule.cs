using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>Fires on incoming events of a type (shell wildcard) whose traits match a query.</summary>
internal sealed partial class EventRule : IRuleDefinition
{
    private static readonly IReadOnlyList<string> AllowedTypes = ["", "boolean", "float", "integer", "string"];

    /// <summary>A query item's keys in the order of Aodh's <c>as_dict</c>; items are stored in the response's
    /// <c>field, op, value, type</c>.</summary>
    public static readonly IReadOnlyList<string> QueryItemAsDictKeys = ["field", "op", "type", "value"];

    public string Type => AlarmTypes.Event;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["event_type", "query"]);
        var eventType = rule.String("event_type").Value;
        var query = rule.ObjectList("query", "data.event_rule.query", ParseQueryItem).Value ?? [];
        return new JsonObject
        {
            ["event_type"] = string.IsNullOrEmpty(eventType) ? "*" : eventType,
            ["query"] = new JsonArray(query.Select(q => (JsonNode?)q).ToArray()),
        };
    }

    public string DefaultDescription(JsonObject rule) => $"Alarm when {rule["event_type"]} event occurred.";

    public void Validate(JsonObject rule, RuleValidationContext context)
    {
        foreach (var item in rule["query"]!.AsArray().Select(i => i!.AsObject()))
        {
            var value = item["value"]?.GetValue<string>() ?? "";
            var type = item["type"]?.GetValue<string>();
            QueryValue.CheckConvertible(value, type);
            var field = item["field"]?.GetValue<string>() ?? "";
            if (!FieldPattern().IsMatch(field))
            {
                throw Invalid("does not match regular expression ^[a-zA-Z.',0-9_-]*$ for dictionary value @ data['field']");
            }
            if (item["op"] is not JsonValue op || !op.TryGetValue<string>(out var name) || !ThresholdFields.ComparisonOperators.Contains(name))
            {
                throw Invalid($"value must be one of {PythonRepr.List(ThresholdFields.ComparisonOperators.Order(StringComparer.Ordinal))} for dictionary value @ data['op']");
            }
            if (type is null || !AllowedTypes.Contains(type))
            {
                throw Invalid($"value must be one of {PythonRepr.List(AllowedTypes)} for dictionary value @ data['value']");
            }
        }
    }

    private static JsonObject ParseQueryItem(BodyReader item)
    {
        item.RejectUnknown(["field", "op", "value", "type"]);
        var parsed = new JsonObject
        {
            ["field"] = item.String("field", mandatory: true).Value,
            // Aodh's query op is a property WSME sets unchecked: a bad one fails the rule's own check.
            ["op"] = item.Raw("op")?.DeepClone() ?? "eq",
            ["value"] = item.String("value", mandatory: true).Value,
        };
        var type = item.String("type");
        if (type.Present)
        {
            parsed["type"] = type.Value;
        }
        return parsed;
    }

    private static ApiErrorException Invalid(string reason) => new(ApiError.BadRequest($"Query value or traits invalid: {reason}"));

    [GeneratedRegex("^[a-zA-Z.',0-9_-]*$")]
    private static partial Regex FieldPattern();
}
