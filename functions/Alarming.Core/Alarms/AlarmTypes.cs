namespace Alarming.Core.Alarms;

/// <summary>The alarm types of Aodh Zed, in Aodh's plugin order.</summary>
public static class AlarmTypes
{
    public const string Composite = "composite";
    public const string Event = "event";
    public const string GnocchiAggregationByMetrics = "gnocchi_aggregation_by_metrics_threshold";
    public const string GnocchiAggregationByResources = "gnocchi_aggregation_by_resources_threshold";
    public const string GnocchiResources = "gnocchi_resources_threshold";
    public const string LoadBalancerMemberHealth = "loadbalancer_member_health";
    public const string Prometheus = "prometheus";

    /// <summary>Ceilometer's statistics rule, removed from Aodh and brought back.</summary>
    public const string Threshold = "threshold";

    /// <summary>Zed's types; <c>prometheus</c> is added only when its feature flag is on.</summary>
    public static readonly IReadOnlyList<string> Zed =
    [
        Composite, Event, GnocchiAggregationByMetrics, GnocchiAggregationByResources, GnocchiResources,
        LoadBalancerMemberHealth,
    ];

    /// <summary>The Gnocchi threshold rule types.</summary>
    public static readonly IReadOnlyList<string> GnocchiThresholds =
        [GnocchiAggregationByMetrics, GnocchiAggregationByResources, GnocchiResources];

    public static string RuleAttribute(string type) => type + "_rule";
}
