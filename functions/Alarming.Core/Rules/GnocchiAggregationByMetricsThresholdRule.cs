using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>An aggregate over a list of metric ids (not checked; an empty list is accepted, as in Aodh).</summary>
internal sealed class GnocchiAggregationByMetricsThresholdRule : IRuleDefinition
{
    public static readonly IReadOnlyList<string> AsDictKeys = [.. ThresholdFields.AsDictKeys, "metrics"];

    public string Type => AlarmTypes.GnocchiAggregationByMetrics;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["metrics", .. ThresholdFields.Names]);
        var metrics = rule.StringList("metrics", mandatory: true).Value!;
        var parsed = new JsonObject { ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode?)m).ToArray()) };
        ThresholdFields.Read(rule, parsed);
        return parsed;
    }

    public void Validate(JsonObject rule, RuleValidationContext context) =>
        ThresholdFields.CheckAggregationMethod(rule, context);
}
