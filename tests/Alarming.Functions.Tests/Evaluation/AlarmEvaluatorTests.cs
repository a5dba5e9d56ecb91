using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Alarms;
using Alarming.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>The evaluator on one message's alarms, with the host's stores on Azurite and a metric
/// source that holds back the reads of chosen resources.</summary>
public sealed class AlarmEvaluatorTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    /// <summary>Reads through the host's source; reads of <c>held</c> wait for the gate.</summary>
    private sealed class GatedSource(IMetricSource inner, string held, Task gate) : IMetricSource
    {
        public async Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
        {
            if (rule.ResourceId == held)
            {
                await gate.WaitAsync(cancellationToken);
            }
            return await inner.FetchAsync(rule, start, stop, cancellationToken);
        }

        public Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
            DateTimeOffset now, CancellationToken cancellationToken) => inner.ReadMeterAsync(rule, start, now, cancellationToken);
    }

    [Fact]
    public async Task ANotifyingTransition_GoesOut_WhileTheRestOfItsMessageIsStillUndecided()
    {
        var project = host.NewProject();
        var hot = await project.CreateResourceAsync("cpu");
        var slow = await project.CreateResourceAsync("cpu");
        var hotId = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(hot)))["alarm_id"]!.GetValue<string>();
        var slowId = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(slow)))["alarm_id"]!.GetValue<string>();
        var tick = host.NextTick;
        await project.PushMinutesAsync(hot, "cpu", tick, 90, 91, 92);
        await project.PushMinutesAsync(slow, "cpu", tick, 90, 91, 92);
        var store = host.Services.GetRequiredService<IAlarmStore>();
        var read = await store.FindManyAsync([(project.ProjectId, hotId), (project.ProjectId, slowId)], CancellationToken.None);
        var gate = new TaskCompletionSource();
        var source = new GatedSource(host.Services.GetRequiredService<IMetricSource>(), slow, gate.Task);
        var notify = new QueueProbe(host.Storage, QueueNames.Notify);
        async Task<bool> NotifiedAsync(string id) => (await notify.PeekAllAsync()).Any(n => n["alarm_id"]!.GetValue<string>() == id);

        var evaluation = host.Services.GetRequiredService<AlarmEvaluator>().EvaluateManyAsync(
            [(new AlarmAddress(project.ProjectId, hotId), read[hotId]), (new AlarmAddress(project.ProjectId, slowId), read[slowId])],
            tick, source, CancellationToken.None);

        await Eventually.TrueAsync(() => NotifiedAsync(hotId), "the hot alarm's notification while the other alarm waits for its read");
        Assert.False(evaluation.IsCompleted);
        Assert.False(await NotifiedAsync(slowId));
        gate.SetResult();
        await evaluation;
        Assert.True(await NotifiedAsync(slowId));
        Assert.Equal("\"alarm\"", (await project.GetAsync($"/v2/alarms/{hotId}/state")).Text);
        Assert.Equal("\"alarm\"", (await project.GetAsync($"/v2/alarms/{slowId}/state")).Text);
    }
}
