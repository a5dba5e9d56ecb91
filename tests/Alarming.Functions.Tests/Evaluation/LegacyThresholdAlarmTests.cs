using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>Legacy <c>threshold</c> alarms through the fan-out and queue evaluation on Azurite: the
/// seed rule fires with Aodh's payload, returns to ok, and cannot read another project's measures.</summary>
public sealed class LegacyThresholdAlarmTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private static JsonObject SeedAlarm(string resource, string? name = null) => new()
    {
        ["name"] = name ?? "cpu_high-" + Guid.NewGuid().ToString("N")[..6],
        ["type"] = "threshold",
        ["description"] = "instance running hot",
        ["alarm_actions"] = new JsonArray("http://127.0.0.1:9/route"),
        ["ok_actions"] = new JsonArray("http://127.0.0.1:9/route"),
        ["threshold_rule"] = new JsonObject
        {
            ["meter_name"] = "cpu_util", ["period"] = 600, ["evaluation_periods"] = 1, ["statistic"] = "max",
            ["comparison_operator"] = "gt", ["threshold"] = 20.0,
            ["query"] = new JsonArray(new JsonObject { ["field"] = "resource_id", ["op"] = "eq", ["type"] = "", ["value"] = resource }),
        },
    };

    /// <summary>The alarm's notifications, one per id (a copy sent again by crash recovery has the same id).</summary>
    private async Task<List<JsonNode>> NotificationsAsync(string alarmId) =>
        (await new QueueProbe(host.Storage, QueueNames.Notify).PeekAllAsync()).Where(n => (string?)n["alarm_id"] == alarmId)
            .DistinctBy(n => (string?)n["notification_id"]).ToList();

    [Fact]
    public async Task SeedRule_Fires_ThenReturnsToOk()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu_util");
        var id = (await project.CreateAlarmAsync(SeedAlarm(resource)))["alarm_id"]!.GetValue<string>();

        // The max of the last ten minutes goes above 20.
        var tick = host.NextTick;
        await project.PushAsync(resource, "cpu_util", (tick.AddMinutes(-9), 5), (tick.AddMinutes(-2), 25), (tick.AddSeconds(-30), 10));
        await host.TickAsync();
        var alarm = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
        Assert.Equal("alarm", (string?)alarm["state"]);
        Assert.Equal("Transition to alarm due to 1 samples outside threshold, most recent: 25.0", (string?)alarm["state_reason"]);
        var fired = (await NotificationsAsync(id)).Single();
        Assert.Equal("""{"type":"threshold","disposition":"outside","count":1,"most_recent":25.0}""", fired["reason_data"]!.ToJsonString());

        // Ten quiet minutes later the load is low.
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.WaitForIdleAsync();
        tick = host.NextTick;
        await project.PushAsync(resource, "cpu_util", (tick.AddMinutes(-5), 3), (tick.AddMinutes(-1), 4));
        await host.TickAsync();
        Assert.Equal("\"ok\"", (await project.GetAsync($"/v2/alarms/{id}/state")).Text);
        Assert.Equal("Transition to ok due to 1 samples inside threshold, most recent: 4.0",
            (string?)(await NotificationsAsync(id)).Single(n => (string?)n["current"] == "ok")["reason"]);
    }

    [Fact]
    public async Task AnotherProjectsRule_CannotReadThisProjectsMeasures_NotEvenInACompositeLeaf()
    {
        var owner = host.NewProject();
        var resource = await owner.CreateResourceAsync("cpu_util");
        var stranger = host.NewProject();
        var direct = (await stranger.CreateAlarmAsync(SeedAlarm(resource)))["alarm_id"]!.GetValue<string>();
        var leaf = SeedAlarm(resource)["threshold_rule"]!.AsObject();
        leaf["type"] = "threshold";
        var composite = (await stranger.CreateAlarmAsync(new JsonObject
        {
            ["name"] = "composite-" + Guid.NewGuid().ToString("N")[..6],
            ["type"] = "composite",
            ["composite_rule"] = new JsonObject { ["or"] = new JsonArray(leaf.DeepClone()) },
        }))["alarm_id"]!.GetValue<string>();
        Assert.Equal(401, (int)(await stranger.PostAsync("/v2/alarms", Scoped(SeedAlarm(resource), owner.ProjectId!))).Status);

        var tick = host.NextTick;
        await owner.PushAsync(resource, "cpu_util", (tick.AddMinutes(-2), 99));
        await host.TickAsync();

        // The stored project term names the stranger's project, so the owner's resource is not selected.
        Assert.Equal("\"insufficient data\"", (await stranger.GetAsync($"/v2/alarms/{direct}/state")).Text);
        Assert.Equal("\"insufficient data\"", (await stranger.GetAsync($"/v2/alarms/{composite}/state")).Text);
        Assert.Equal(stranger.ProjectId, (string?)(await stranger.GetAsync($"/v2/alarms/{direct}")).Json!["threshold_rule"]!["query"]![1]!["value"]);
        Assert.Empty(await NotificationsAsync(direct));
    }

    private static JsonObject Scoped(JsonObject alarm, string project)
    {
        alarm["threshold_rule"]!["query"]!.AsArray().Add(new JsonObject { ["field"] = "project_id", ["op"] = "eq", ["value"] = project });
        return alarm;
    }
}
