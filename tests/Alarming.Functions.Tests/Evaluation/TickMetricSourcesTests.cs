using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Alarming.Functions.Evaluation;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>Reads shared by the alarms of one tick, whatever message they came in.</summary>
public sealed class TickMetricSourcesTests
{
    private static readonly DateTimeOffset Tick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly ThresholdRule Rule = new("gnocchi_resources_threshold", new JsonObject
    {
        ["metric"] = "cpu", ["resource_id"] = "vm-1", ["resource_type"] = "instance", ["comparison_operator"] = "gt",
        ["threshold"] = 80.0, ["aggregation_method"] = "mean", ["evaluation_periods"] = 3, ["granularity"] = 60,
    });

    /// <summary>Counts reads; fails the first <c>failures</c> of them.</summary>
    private sealed class CountingSource(int failures = 0) : IMetricSource
    {
        public int Reads;

        public Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref Reads) <= failures
                ? Task.FromException<MeasureFetch>(new InvalidOperationException("storage unreachable"))
                : Task.FromResult(MeasureFetch.Of([]));

        public Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
            DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task OneTick_ReadsASeriesOnce_ForEveryMessage()
    {
        var inner = new CountingSource();
        var sources = new TickMetricSources(inner);

        await sources.For(Tick).FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);
        await sources.For(Tick).FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);
        await sources.For(Tick.AddMinutes(1)).FetchAsync(Rule, Tick.AddMinutes(-3), Tick.AddMinutes(1), CancellationToken.None);

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task AFailedRead_IsForgotten_SoTheNextAlarmReadsAgain()
    {
        var inner = new CountingSource(failures: 1);
        var source = new TickMetricSources(inner).For(Tick);

        await Assert.ThrowsAsync<InvalidOperationException>(() => source.FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None));
        await source.FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);
        await source.FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task OldTicks_AreDropped()
    {
        var inner = new CountingSource();
        var sources = new TickMetricSources(inner);

        await sources.For(Tick).FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);
        foreach (var later in Enumerable.Range(1, 3))
        {
            sources.For(Tick.AddMinutes(later));
        }
        await sources.For(Tick).FetchAsync(Rule, Tick.AddMinutes(-4), Tick, CancellationToken.None);

        Assert.Equal(2, inner.Reads);
    }
}
