using System.Text.Json.Nodes;
using Alarming.Core.Alarms;

namespace Alarming.Core.Rules;

/// <summary>A stored rule as the API shows it: as stored, except the legacy <c>threshold</c> rule,
/// whose response order differs from its stored one; and as Aodh's history records it.</summary>
public static class RuleRepresentation
{
    public static JsonObject Of(string type, JsonObject rule) =>
        type == AlarmTypes.Threshold ? LegacyThresholdRule.ForOutput(rule) : (JsonObject)rule.DeepClone();

    /// <summary>A stored rule as Aodh's <c>as_dict</c> gives it: the form history details record,
    /// and the order of the defaults Aodh adds to a composite leaf. Gnocchi rules and event query
    /// items are stored in the response's order; the other types are stored in this one.</summary>
    public static JsonObject AsDict(string type, JsonObject rule) => type switch
    {
        AlarmTypes.GnocchiResources => Ordered(rule, GnocchiResourcesThresholdRule.AsDictKeys),
        AlarmTypes.GnocchiAggregationByMetrics => Ordered(rule, GnocchiAggregationByMetricsThresholdRule.AsDictKeys),
        AlarmTypes.GnocchiAggregationByResources => Ordered(rule, GnocchiAggregationByResourcesThresholdRule.AsDictKeys),
        AlarmTypes.Event => new JsonObject
        {
            ["event_type"] = rule["event_type"]?.DeepClone(),
            ["query"] = new JsonArray(rule["query"]!.AsArray().Select(i => (JsonNode?)Ordered(i!.AsObject(), EventRule.QueryItemAsDictKeys)).ToArray()),
        },
        _ => (JsonObject)rule.DeepClone(),
    };

    /// <summary>The <paramref name="keys"/> the rule has, in that order (Aodh's <c>as_dict_from_keys</c>).</summary>
    private static JsonObject Ordered(JsonObject rule, IReadOnlyList<string> keys) =>
        new(keys.Where(rule.ContainsKey).Select(k => KeyValuePair.Create(k, rule[k]?.DeepClone())));
}
