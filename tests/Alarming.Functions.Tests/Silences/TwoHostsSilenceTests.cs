using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Silences;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Functions.Tests.Silences;

/// <summary>Two local hosts on one Azurite, both notifying: a silence's end resends its notification once,
/// whether the timer or both hosts at the same time (a redelivery, an overlapping run) do it.</summary>
public sealed class TwoHostsSilenceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 5, TimeSpan.Zero);
    private readonly FakeTimeProvider[] clocks = [new(Start), new(Start)];
    private readonly List<WebApplication> hosts = [];
    private AzuriteProcess azurite = null!;
    private WebhookReceiver receiver = null!;
    private Uri address = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        azurite = await AzuriteProcess.StartOnFreePortsAsync(AlarmingHostFixture.ProjectDirectory);
        foreach (var clock in clocks)
        {
            var (app, baseAddress) = await AlarmingHostFixture.StartHostAsync(azurite.ConnectionString, clock, new Dictionary<string, string?>
            {
                ["AzureWebJobs.NotifyAlarm.Disabled"] = "false",
                ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
                ["Notifier:RestTimeoutSeconds"] = "1",
            });
            hosts.Add(app);
            address = baseAddress;
        }
    }

    [Fact]
    public async Task ASilencesEnd_ResendsOnce_WithBothHostsAtIt()
    {
        var project = new ApiClient(address, "u1", "p-" + Guid.NewGuid().ToString("N")[..8], "member");
        var hook = $"/hook/{Guid.NewGuid():N}";
        var alarm = await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1", action: receiver.Url(hook)).Also(a => a["state"] = "alarm"));
        var alarmId = alarm["alarm_id"]!.GetValue<string>();
        var silence = new JsonObject
        {
            ["filter"] = new JsonObject { ["="] = new JsonObject { ["alarm_id"] = alarmId } },
            ["ends_at"] = Start.AddSeconds(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"),
        };
        Assert.Equal(HttpStatusCode.Created, (await project.PostAsync("/v2/silences", silence)).Status);
        var message = new JsonObject
        {
            ["notification_id"] = Guid.NewGuid().ToString(), ["alarm_id"] = alarmId, ["alarm_name"] = alarm["name"]!.GetValue<string>(),
            ["severity"] = "low", ["project_id"] = project.ProjectId, ["user_id"] = "u1", ["previous"] = "ok", ["current"] = "alarm",
            ["reason"] = "Transition to alarm", ["reason_data"] = new JsonObject(), ["actions"] = new JsonArray(receiver.Url(hook)),
            ["tick"] = Start.ToString("O"), ["v"] = 1,
        };
        await new QueueProbe(azurite.ConnectionString, QueueNames.Notify).SendJsonAsync(message);
        await Eventually.TrueAsync(async () => (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray().Count == 1, "the silenced record");
        await WaitForIdleAsync();
        Assert.Empty(receiver.To(hook));

        // Ended, before the timer's second 30: both hosts resend at once, as two overlapping runs would.
        AdvanceTo(Start.AddSeconds(15));
        await Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<SilenceExpiry>().ResendAsync(CancellationToken.None)));
        await WaitForIdleAsync();
        Assert.Single(receiver.To(hook));

        // Then the timer (second 30), on whichever host holds its lease, twice.
        foreach (var at in new[] { Start.AddSeconds(25), Start.AddSeconds(85) })
        {
            AdvanceTo(at);
            var activities = hosts.Select(h => h.Services.GetRequiredService<TriggerActivity>()).ToList();
            await Eventually.TrueAsync(() => Task.FromResult(activities.All(a => a.LastHandled(ResendSilencedFunction.Name) >= at)), "both timers");
            await WaitForIdleAsync();
        }
        Assert.Single(receiver.To(hook));
        Assert.Equal(2, (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray().Count);
    }

    private void AdvanceTo(DateTimeOffset at)
    {
        foreach (var clock in clocks)
        {
            clock.Advance(at - clock.GetUtcNow());
        }
    }

    private async Task WaitForIdleAsync()
    {
        var activities = hosts.Select(h => h.Services.GetRequiredService<TriggerActivity>()).ToList();
        var queue = new QueueClient(azurite.ConnectionString, QueueNames.Notify);
        var quiet = 0;
        await Eventually.TrueAsync(async () =>
        {
            var idle = activities.All(a => a.InFlight == 0) && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
            quiet = idle ? quiet + 1 : 0;
            return quiet >= 3;
        }, "the notify queue to drain");
    }

    public async Task DisposeAsync()
    {
        foreach (var app in hosts)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await azurite.DisposeAsync();
        await receiver.DisposeAsync();
    }
}
