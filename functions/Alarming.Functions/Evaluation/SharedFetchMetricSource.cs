using System.Collections.Concurrent;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;

namespace Alarming.Functions.Evaluation;

/// <summary>Within one tick, alarms that read the same data over the same window share one read:
/// many alarms watch one metric (or meter and query) with different thresholds, and the alarms of
/// one series may be spread over several of the tick's messages.</summary>
/// <remarks>A read that fails is forgotten, so the next alarm (or the message's retry) reads again.
/// A shared read does not stop when one of its waiters is cancelled.</remarks>
internal sealed class SharedFetchMetricSource(IMetricSource inner) : IMetricSource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MeasureFetch>>> fetches = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(DateTimeOffset At, double Value)>>>> samples = new();

    public Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var key = string.Join('|', rule.SeriesKey, rule.AggregationMethod, start.UtcTicks, stop.UtcTicks);
        return ShareAsync(fetches, key, () => inner.FetchAsync(rule, start, stop, CancellationToken.None), cancellationToken);
    }

    public Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = string.Join('|', rule.MeterName, rule.Rule["query"]?.ToJsonString(), start.UtcTicks, now.UtcTicks);
        return ShareAsync(samples, key, () => inner.ReadMeterAsync(rule, start, now, CancellationToken.None), cancellationToken);
    }

    private static async Task<T> ShareAsync<T>(ConcurrentDictionary<string, Lazy<Task<T>>> reads, string key, Func<Task<T>> read,
        CancellationToken cancellationToken)
    {
        var shared = reads.GetOrAdd(key, _ => new(read));
        try
        {
            return await shared.Value.WaitAsync(cancellationToken);
        }
        catch when (shared.Value.IsFaulted || shared.Value.IsCanceled)
        {
            reads.TryRemove(KeyValuePair.Create(key, shared));
            throw;
        }
    }
}
