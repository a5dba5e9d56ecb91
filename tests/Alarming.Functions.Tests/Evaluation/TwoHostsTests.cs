using System.Text.Json.Nodes;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>Two local hosts on one Azurite, as two Function App instances: the timer lease and the
/// tick claim keep one fan-out per tick, the queue shares the evaluations.</summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider[] clocks = [new(Start), new(Start)];
    private readonly List<WebApplication> hosts = [];
    private AzuriteProcess azurite = null!;
    private Uri address = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartOnFreePortsAsync(AlarmingHostFixture.ProjectDirectory);
        foreach (var clock in clocks)
        {
            var (app, baseAddress) = await AlarmingHostFixture.StartHostAsync(azurite.ConnectionString, clock, new Dictionary<string, string?>());
            hosts.Add(app);
            address = baseAddress;
        }
    }

    [Fact]
    public async Task OverFiveTicks_EveryAlarmIsEvaluatedOncePerTick_AndOneFanOutRunsPerTick()
    {
        var project = new ApiClient(address, "u1", "p-" + Guid.NewGuid().ToString("N")[..8], "member");
        var resource = await project.CreateResourceAsync("cpu");
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            // repeat_actions: every evaluation sends one notification, so notifications count evaluations.
            var body = MetricClient.ThresholdAlarm(resource, threshold: 50, periods: 1);
            body["repeat_actions"] = true;
            ids.Add((await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>());
        }
        var activities = hosts.Select(h => h.Services.GetRequiredService<TriggerActivity>()).ToList();

        for (var tick = 1; tick <= 5; tick++)
        {
            var at = Start.AddMinutes(tick);
            await project.PushAsync(resource, "cpu", (at.AddSeconds(-30), tick % 2 == 0 ? 10 : 90));
            foreach (var clock in clocks)
            {
                clock.Advance(at - clock.GetUtcNow());
            }
            await Eventually.TrueAsync(() => Task.FromResult(activities.All(a => a.LastHandled(FanOutEvaluationFunction.Name) >= at)), "both timers");
            await WaitForIdleAsync(activities);
        }

        Assert.Equal(5, activities.Sum(a => a.Invocations(FanOutEvaluationFunction.Name)));
        var notify = new QueueClient(azurite.ConnectionString, QueueNames.Notify);
        var perAlarm = new Dictionary<string, List<string>>();
        while ((await notify.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                var body = JsonNode.Parse(Convert.FromBase64String(message.MessageText))!;
                perAlarm.TryAdd(body["alarm_id"]!.GetValue<string>(), []);
                perAlarm[body["alarm_id"]!.GetValue<string>()].Add(body["tick"]!.GetValue<DateTimeOffset>().ToString("O"));
            }
        }
        Assert.Equal(ids.Order(), perAlarm.Keys.Order());
        Assert.All(perAlarm.Values, ticks => Assert.Equal(
            Enumerable.Range(1, 5).Select(t => Start.AddMinutes(t).ToString("O")), ticks.Order()));
    }

    private async Task WaitForIdleAsync(IReadOnlyList<TriggerActivity> activities)
    {
        var queue = new QueueClient(azurite.ConnectionString, QueueNames.Evaluate);
        var quiet = 0;
        await Eventually.TrueAsync(async () =>
        {
            var idle = activities.All(a => a.InFlight == 0) && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
            quiet = idle ? quiet + 1 : 0;
            return quiet >= 3;
        }, "the queues to drain");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        await azurite.DisposeAsync();
    }
}
