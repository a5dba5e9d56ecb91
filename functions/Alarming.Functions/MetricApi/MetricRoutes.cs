using Alarming.Core.Metrics;
namespace Alarming.Functions.MetricApi;

internal static class MetricRoutes
{
    public const string Capabilities = "v1/capabilities";
    public const string ArchivePolicies = "v1/archive_policy";
    public const string ArchivePolicy = ArchivePolicies + "/{name}";
    public const string Metrics = "v1/metric";
    public const string Metric = Metrics + "/{metricId}";
    public const string MetricMeasures = Metric + "/measures";
    public const string Resources = "v1/resource/{type}";
    public const string Resource = Resources + "/{resourceId}";
    public const string ResourceMetric = Resource + "/metric/{metricName}";
    public const string ResourceMetricMeasures = ResourceMetric + "/measures";
    public const string ResourceTypes = "v1/resource_type";
    public const string ResourceType = ResourceTypes + "/{name}";
    public const string ResourceMetrics = Resource + "/metric";
    public const string Aggregates = "v1/aggregates";
    public const string SearchResources = "v1/search/resource/{type}";
    public const string BatchMetricMeasures = "v1/batch/metrics/measures";
    public const string BatchResourceMeasures = "v1/batch/resources/metrics/measures";
}
