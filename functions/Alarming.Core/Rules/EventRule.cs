using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>Fires on incoming events of a type (shell wildcard) whose traits match a query.</summary>
internal sealed partial class EventRule : IRuleDefinition
{
    private static readonly IReadOnlyList<string> SupportedTypes = ["integer", "float", "string", "boolean", "datetime"];
    private static readonly IReadOnlyList<string> AllowedTypes = ["", "boolean", "float", "integer", "string"];

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
            CheckConvertible(value, type);
            var field = item["field"]?.GetValue<string>() ?? "";
            if (!FieldPattern().IsMatch(field))
            {
                throw Invalid("does not match regular expression ^[a-zA-Z.',0-9_-]*$ for dictionary value @ data['field']");
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
            ["op"] = item.Enumeration("op", ThresholdFields.ComparisonOperators).Value ?? "eq",
            ["value"] = item.String("value", mandatory: true).Value,
        };
        var type = item.String("type");
        if (type.Present)
        {
            parsed["type"] = type.Value;
        }
        return parsed;
    }

    /// <summary>Aodh's <c>Query.get_value</c>: the value must convert to the declared type.</summary>
    private static void CheckConvertible(string value, string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return;
        }
        if (!SupportedTypes.Contains(type))
        {
            throw new ApiErrorException(ApiError.BadRequest(
                $"The data type {type} is not supported. The supported data type list is: {PythonRepr.List(SupportedTypes)}"));
        }
        var trimmed = value.Trim();
        var ok = type switch
        {
            "integer" => long.TryParse(trimmed.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "float" => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => trimmed.ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes" or "0" or "f" or "false" or "off" or "n" or "no",
            "datetime" => PythonTimestamp.TryParse(value, out _),
            _ => true,
        };
        if (!ok)
        {
            throw new ApiErrorException(ApiError.BadRequest($"Unable to convert the value {value} to the expected data type {type}."));
        }
    }

    private static ApiErrorException Invalid(string reason) => new(ApiError.BadRequest($"Query value or traits invalid: {reason}"));

    [GeneratedRegex("^[a-zA-Z.',0-9_-]*$")]
    private static partial Regex FieldPattern();
}
