using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>One metric (by name) of one resource.</summary>
internal sealed class GnocchiResourcesThresholdRule : IRuleDefinition
{
    public static readonly IReadOnlyList<string> AsDictKeys = [.. ThresholdFields.AsDictKeys, "metric", "resource_id", "resource_type"];

    public string Type => AlarmTypes.GnocchiResources;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["metric", "resource_id", "resource_type", .. ThresholdFields.Names]);
        var parsed = new JsonObject
        {
            ["metric"] = rule.String("metric", mandatory: true).Value,
            ["resource_id"] = rule.String("resource_id", mandatory: true).Value,
            ["resource_type"] = rule.String("resource_type", mandatory: true).Value,
        };
        ThresholdFields.Read(rule, parsed);
        return parsed;
    }

    public void Validate(JsonObject rule, RuleValidationContext context) =>
        ThresholdFields.CheckAggregationMethod(rule, context);
}
