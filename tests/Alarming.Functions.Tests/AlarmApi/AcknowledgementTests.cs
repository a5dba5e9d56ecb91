using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.AlarmApi;

/// <summary><c>/v2/alarms/{id}/ack</c>: an acknowledged alarm stops repeating, its next transition clears
/// it, and history records both; ticks driven by the fake clock.</summary>
public sealed class AcknowledgementTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private async Task<int> NotificationsAsync(string alarmId) =>
        (await new QueueProbe(host.Storage, QueueNames.Notify).TakeAllAsync()).Count(n => n["alarm_id"]!.GetValue<string>() == alarmId);

    [Fact]
    public async Task ARepeatingAlarm_StopsRepeatingWhenAcknowledged_AndStartsAgainAfterItsNextTransition()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource).Also(a => a["repeat_actions"] = true)))["alarm_id"]!.GetValue<string>();
        await new QueueProbe(host.Storage, QueueNames.Notify).TakeAllAsync();

        var tick = host.NextTick;
        await project.PushMinutesAsync(resource, "cpu", tick, 90, 91, 92);
        await host.TickAsync();
        Assert.Equal(1, await NotificationsAsync(id));                  // the transition to alarm
        await project.PushMinutesAsync(resource, "cpu", host.NextTick, 93, 94, 95);
        await host.TickAsync();
        Assert.Equal(1, await NotificationsAsync(id));                  // a repeat

        var ack = await project.PutAsync($"/v2/alarms/{id}/ack", new JsonObject { ["comment"] = "on it" });
        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.True(ack.Json!["acknowledged"]!.GetValue<bool>());
        Assert.Equal("on it", ack.Json["comment"]!.GetValue<string>());
        Assert.Equal(project.UserId, ack.Json["by"]!.GetValue<string>());
        await project.PushMinutesAsync(resource, "cpu", host.NextTick, 96, 97, 98);
        await host.TickAsync();
        Assert.Equal(0, await NotificationsAsync(id));                  // acknowledged: no repeat
        Assert.True((await project.GetAsync($"/v2/alarms/{id}/ack")).Json!["acknowledged"]!.GetValue<bool>());

        await project.PushMinutesAsync(resource, "cpu", host.NextTick, 1, 2, 3);
        await host.TickAsync();
        Assert.Equal(1, await NotificationsAsync(id));                  // the transition to ok notifies and clears it
        Assert.Equal("""{"acknowledged":false}""", (await project.GetAsync($"/v2/alarms/{id}/ack")).Text);
        await project.PushMinutesAsync(resource, "cpu", host.NextTick, 4, 5, 6);
        await host.TickAsync();
        Assert.Equal(1, await NotificationsAsync(id));                  // repeats again
    }

    [Fact]
    public async Task AnOkAlarm_CannotBeAcknowledged_AndAnotherProjectsAlarmIsNotFound()
    {
        var project = host.NewProject();
        var body = MetricClient.ThresholdAlarm("vm-1").Also(a => a["state"] = "ok");
        var id = (await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>();
        var refused = await project.PutAsync($"/v2/alarms/{id}/ack", new JsonObject { ["comment"] = "x" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal($"Alarm {id} is ok: only an alarm in alarm or insufficient data can be acknowledged", refused.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await host.NewProject().PutAsync($"/v2/alarms/{id}/ack", new JsonObject())).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await project.PutAsync($"/v2/alarms/{id}/ack", new JsonObject { ["comment"] = 5 })).Status);
    }

    [Fact]
    public async Task AcknowledgingAndWithdrawing_AreInHistory_AndAnUpdateKeepsTheAcknowledgement()
    {
        var project = host.NewProject();
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();   // insufficient data
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}/ack", new JsonObject { ["comment"] = "known gap" })).Status);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var alarm = (await project.GetAsync($"/v2/alarms/{id}")).Json!.AsObject();
        Assert.Null(alarm["acknowledgement"]);                          // Aodh's body is unchanged
        alarm["description"] = "changed";
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}", alarm)).Status);
        Assert.True((await project.GetAsync($"/v2/alarms/{id}/ack")).Json!["acknowledged"]!.GetValue<bool>());

        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{id}/ack")).Status);
        Assert.Equal("""{"acknowledged":false}""", (await project.GetAsync($"/v2/alarms/{id}/ack")).Text);
        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{id}/ack")).Status);

        var history = (await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Equal(["acknowledgement", "rule change", "acknowledgement", "creation"], history.Select(h => h!["type"]!.GetValue<string>()).ToArray());
        Assert.Equal("{\"acknowledged\": false, \"comment\": \"known gap\"}", history[0]!["detail"]!.GetValue<string>());
        Assert.Equal("{\"acknowledged\": true, \"comment\": \"known gap\"}", history[2]!["detail"]!.GetValue<string>());
    }
}
