using System.Collections.Concurrent;
using Alarming.Core.Evaluation;

namespace Alarming.Functions.Evaluation;

/// <summary>One <see cref="SharedFetchMetricSource"/> per tick for every message of that tick this
/// process evaluates; the oldest is dropped once a few newer ticks have come.</summary>
public sealed class TickMetricSources(IMetricSource metrics)
{
    /// <summary>The current tick, the one before (a slow message) and a redelivered older one.</summary>
    private const int KeptTicks = 3;

    private readonly ConcurrentDictionary<DateTimeOffset, SharedFetchMetricSource> sources = new();

    public IMetricSource For(DateTimeOffset tick)
    {
        if (sources.TryGetValue(tick, out var known))
        {
            return known;
        }
        var source = sources.GetOrAdd(tick, _ => new SharedFetchMetricSource(metrics));
        foreach (var old in sources.Keys.Order().SkipLast(KeptTicks))
        {
            sources.TryRemove(old, out _);
        }
        return source;
    }
}
