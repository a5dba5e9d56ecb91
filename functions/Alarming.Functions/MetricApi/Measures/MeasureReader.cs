using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary>Reads a metric's measures aggregated as its archive policy allows:
/// raw measures are kept, and buckets are computed on read.</summary>
public sealed class MeasureReader(IMetricCatalog catalog, IMeasureStore measures, IOptions<MetricsOptions> options, TimeProvider time)
{
    /// <param name="granularity">One granularity, or <c>null</c> for all of the policy's, coarsest first.</param>
    public async Task<MeasureRead> ReadAsync(MetricDefinition metric, string method, long? granularity,
        DateTimeOffset? start, DateTimeOffset? stop, CancellationToken cancellationToken)
    {
        var policy = await catalog.FindPolicyAsync(metric.ArchivePolicyName, cancellationToken)
            ?? await catalog.FindPolicyAsync(ArchivePolicy.DefaultPolicyName, cancellationToken);
        if (!policy!.HasMethod(method))
        {
            return MeasureRead.Missing(MeasureReadProblem.MethodMissing);
        }
        if (granularity is { } g && !policy.HasGranularity(g))
        {
            return MeasureRead.Missing(MeasureReadProblem.GranularityMissing);
        }
        var horizon = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var points = new List<MeasurePoint>();
        foreach (var item in policy.Definition.Where(d => granularity is null || d.Granularity == granularity).OrderByDescending(d => d.Granularity))
        {
            // Buckets starting before the retention horizon would rest on part of their data.
            var firstBucket = Aggregator.BucketStart(start is { } s && s > horizon ? s : horizon, item.Granularity);
            if (firstBucket < horizon)
            {
                firstBucket = firstBucket.AddSeconds(item.Granularity);
            }
            var to = stop ?? time.GetUtcNow().AddDays(1);
            var raw = (await measures.ReadAsync(metric.Id, firstBucket, to.AddSeconds(item.Granularity), cancellationToken)).ToList();
            if (method.StartsWith("rate:", StringComparison.Ordinal) &&
                await measures.LastBeforeAsync(metric.Id, firstBucket, options.Value.RetentionDays, cancellationToken) is { } previous)
            {
                raw.Insert(0, previous);
            }
            points.AddRange(Aggregator.Aggregate(raw, method, item.Granularity, firstBucket, stop));
        }
        return MeasureRead.Of(points);
    }
}

/// <summary>Points, or why the policy has none for the request.</summary>
public sealed record MeasureRead(IReadOnlyList<MeasurePoint> Points, MeasureReadProblem? Problem)
{
    public static MeasureRead Of(IReadOnlyList<MeasurePoint> points) => new(points, null);

    public static MeasureRead Missing(MeasureReadProblem problem) => new([], problem);
}

public enum MeasureReadProblem
{
    MethodMissing,
    GranularityMissing,
}
