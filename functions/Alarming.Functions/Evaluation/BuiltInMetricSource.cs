using System.Collections.Concurrent;
using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Alarming.Functions.Evaluation;
using Alarming.Functions.MetricApi.Measures;
using Alarming.Storage.Metrics;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>Threshold rules read from the built-in store, the way Aodh's Gnocchi evaluator reads
/// Gnocchi, including the answers it turns into insufficient data.</summary>
internal sealed class BuiltInMetricSource(IMetricCatalog catalog, MeasureReader reader, LegacyMeterReader meters,
    IOptions<EvaluationOptions> identity) : IMetricSource
{
    /// <summary>Beyond this many, the metrics found so far are forgotten and read again.</summary>
    private const int MaxKnownMetrics = 100_000;

    /// <summary>Metrics found through their resource so far. The measure reader needs only a metric's id
    /// and archive policy, and neither changes; a deleted metric leaves its resource first, so one named
    /// by a resource just read is still there.</summary>
    private readonly ConcurrentDictionary<Guid, MetricDefinition> attachedMetrics = new();

    /// <summary>The evaluator's Gnocchi identity: non-UUID resource ids resolve relative to it, as Aodh's do.</summary>
    private string Creator => $"{identity.Value.ServiceUserId}:{identity.Value.ServiceProjectId}";

    public async Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        switch (rule.Type)
        {
            case AlarmTypes.GnocchiResources:
                return await FetchResourceMetricAsync(rule, start, stop, cancellationToken);
            case AlarmTypes.GnocchiAggregationByMetrics:
                return await FetchAggregationByMetricsAsync(rule, start, stop, cancellationToken);
            case AlarmTypes.GnocchiAggregationByResources:
                return await FetchAggregationByResourcesAsync(rule, start, stop, cancellationToken);
            default:
                return MeasureFetch.Failed(FetchFailureKind.Other, $"rule type {rule.Type} has no metric source");
        }
    }

    private async Task<MeasureFetch> FetchResourceMetricAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.TryResolve(rule.ResourceId ?? "", Creator, out var resourceId) ||
            await catalog.FindResourceAsync(resourceId, cancellationToken) is not { } resource)
        {
            return MeasureFetch.Failed(FetchFailureKind.ResourceNotFound, $"Resource {rule.ResourceId} does not exist");
        }
        if (!resource.Metrics.TryGetValue(rule.Metric ?? "", out var metricId) ||
            await FindAttachedMetricAsync(metricId, cancellationToken) is not { } metric)
        {
            return MeasureFetch.Failed(FetchFailureKind.MetricNotFound, $"Metric {rule.Metric} does not exist");
        }
        var read = await reader.ReadAsync(metric, rule.AggregationMethod, rule.Granularity, start, stop, cancellationToken);
        return read.Problem is null
            ? MeasureFetch.Of(read.Points)
            : MeasureFetch.Failed(FetchFailureKind.OtherNotFound, "Aggregation method does not exist for this metric");
    }

    /// <remarks>Every metric must exist: the first missing one fails the fetch.</remarks>
    private async Task<MeasureFetch> FetchAggregationByMetricsAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop,
        CancellationToken cancellationToken)
    {
        var metrics = new List<MetricDefinition>();
        foreach (var id in rule.Metrics)
        {
            if (!Guid.TryParse(id, out var guid) || await catalog.FindMetricAsync(guid, cancellationToken) is not { } found)
            {
                return MeasureFetch.Failed(FetchFailureKind.MetricNotFound, $"Metric {id} does not exist");
            }
            metrics.Add(found);
        }
        return await AggregateAsync(rule, metrics, start, stop, cancellationToken);
    }

    /// <remarks>Matching resources without the named metric are skipped; only none at all fails the fetch.</remarks>
    private async Task<MeasureFetch> FetchAggregationByResourcesAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop,
        CancellationToken cancellationToken)
    {
        var filter = ResourceFilter.Parse(PythonJson.Loads(rule.Query ?? "{}"),
            id => ResourceIds.TryResolve(id, Creator, out var g) ? g.ToString() : id);
        var matching = (await catalog.ListResourcesAsync(cancellationToken))
            .Where(r => r.Type == rule.ResourceType || rule.ResourceType == "generic")
            .Where(filter)
            .ToList();
        var named = new List<MetricDefinition>();
        foreach (var r in matching)
        {
            if (r.Metrics.TryGetValue(rule.Metric ?? "", out var id) && await FindAttachedMetricAsync(id, cancellationToken) is { } m)
            {
                named.Add(m);
            }
        }
        return named.Count == 0
            ? MeasureFetch.Failed(FetchFailureKind.MetricNotFound, "Metrics not found")
            : await AggregateAsync(rule, named, start, stop, cancellationToken);
    }

    private async Task<MetricDefinition?> FindAttachedMetricAsync(Guid metricId, CancellationToken cancellationToken)
    {
        if (attachedMetrics.TryGetValue(metricId, out var known))
        {
            return known;
        }
        if (await catalog.FindMetricAsync(metricId, cancellationToken) is not { } metric)
        {
            return null;
        }
        if (attachedMetrics.Count >= MaxKnownMetrics)
        {
            attachedMetrics.Clear();
        }
        return attachedMetrics.GetOrAdd(metricId, metric);
    }

    public Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
        DateTimeOffset now, CancellationToken cancellationToken) => meters.ReadAsync(rule, start, now, cancellationToken);

    /// <summary><c>["aggregate", M, ["metric", [id, m], ...]]</c>: each series read with m (M without
    /// <c>rate:</c>), combined per timestamp with M.</summary>
    private async Task<MeasureFetch> AggregateAsync(ThresholdRule rule, IReadOnlyList<MetricDefinition> metrics,
        DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var method = rule.AggregationMethod;
        var perSeries = method.StartsWith("rate:", StringComparison.Ordinal) ? method["rate:".Length..] : method;
        var series = new List<IReadOnlyList<MeasurePoint>>();
        foreach (var metric in metrics)
        {
            var read = await reader.ReadAsync(metric, perSeries, rule.Granularity, start, stop, cancellationToken);
            if (read.Problem is not null)
            {
                return MeasureFetch.Failed(FetchFailureKind.OtherNotFound, "Metrics with unknown aggregation");
            }
            series.Add(read.Points);
        }
        return MeasureFetch.Of(SeriesCombiner.Combine(series, method, rule.Granularity));
    }
}
