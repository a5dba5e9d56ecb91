using System.Collections.Concurrent;
using Alarming.Core.Evaluation;

namespace Alarming.Functions.Evaluation;

/// <summary>Within one evaluation message, alarms that read the same series over the same window
/// share one fetch: many alarms watch one metric with different thresholds.</summary>
public sealed class SharedFetchMetricSource(IMetricSource inner) : IMetricSource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MeasureFetch>>> fetches = new();

    public Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var key = string.Join('|', rule.SeriesKey, rule.AggregationMethod, start.UtcTicks, stop.UtcTicks);
        return fetches.GetOrAdd(key, _ => new Lazy<Task<MeasureFetch>>(() => inner.FetchAsync(rule, start, stop, cancellationToken))).Value;
    }
}
