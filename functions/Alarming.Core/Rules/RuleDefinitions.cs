
namespace Alarming.Core.Rules;

/// <summary>The rule definitions by alarm type: dispatch is a lookup, as Aodh's entry points are.</summary>
internal sealed class RuleDefinitions
{
    public RuleDefinitions(bool prometheusEnabled)
    {
        IRuleDefinition[] thresholds =
        [
            new GnocchiAggregationByMetricsThresholdRule(),
            new GnocchiAggregationByResourcesThresholdRule(),
            new GnocchiResourcesThresholdRule(),
        ];
        var legacy = new LegacyThresholdRule();
        IRuleDefinition[] leaves = prometheusEnabled ? [.. thresholds, new PrometheusRule(), legacy] : [.. thresholds, legacy];
        var leafRules = leaves.ToDictionary(r => r.Type);
        IRuleDefinition[] all =
        [
            new CompositeRule(leafRules),
            new EventRule(),
            .. thresholds,
            new LoadBalancerMemberHealthRule(),
            .. prometheusEnabled ? [new PrometheusRule()] : Array.Empty<IRuleDefinition>(),
            legacy,
        ];
        ByType = all.ToDictionary(r => r.Type);
        Types = all.Select(r => r.Type).ToList();
    }

    /// <summary>Types in Aodh's plugin order (the order of the "cannot be set at the same time" check).</summary>
    public IReadOnlyList<string> Types { get; }

    public IReadOnlyDictionary<string, IRuleDefinition> ByType { get; }
}
