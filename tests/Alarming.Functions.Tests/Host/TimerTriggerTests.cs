using Alarming.Functions.Evaluation;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Host;

/// <summary>The local timer trigger against a driven clock: a clock that jumps over several
/// occurrences fires once, for the latest, as Functions does after a pause.</summary>
public sealed class TimerTriggerTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task ClockJumpingTenMinutes_FiresOnceForTheLatestOccurrence_ThenKeepsTheSchedule()
    {
        await host.TickAsync();
        var before = host.Activity.Invocations(FanOutEvaluationFunction.Name);

        var latest = host.NextTick.AddMinutes(9);
        host.Time.Advance(latest - host.Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(host.Activity.LastHandled(FanOutEvaluationFunction.Name) >= latest), "the late timer");
        await host.WaitForIdleAsync();
        Assert.Equal(before + 1, host.Activity.Invocations(FanOutEvaluationFunction.Name));

        var next = await host.TickAsync();
        Assert.Equal(latest.AddMinutes(1), next);
        Assert.Equal(before + 2, host.Activity.Invocations(FanOutEvaluationFunction.Name));
    }
}
