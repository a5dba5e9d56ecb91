using System.Collections.Concurrent;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;

namespace Alarming.Functions.Evaluation;

/// <summary>Within one evaluation message, alarms that read the same data over the same window
/// share one read: many alarms watch one metric (or meter and query) with different thresholds.</summary>
internal sealed class SharedFetchMetricSource(IMetricSource inner) : IMetricSource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MeasureFetch>>> fetches = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(DateTimeOffset At, double Value)>>>> samples = new();

    public Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var key = string.Join('|', rule.SeriesKey, rule.AggregationMethod, start.UtcTicks, stop.UtcTicks);
        return fetches.GetOrAdd(key, _ => new(() => inner.FetchAsync(rule, start, stop, cancellationToken))).Value;
    }

    public Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = string.Join('|', rule.MeterName, rule.Rule["query"]?.ToJsonString(), start.UtcTicks, now.UtcTicks);
        return samples.GetOrAdd(key, _ => new(() => inner.ReadMeterAsync(rule, start, now, cancellationToken))).Value;
    }
}
