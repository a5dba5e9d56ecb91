using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>Measures in, a tick, state and history and a notify message out: Azurite, the local
/// host and real HTTP, time driven by the fake clock.</summary>
public sealed class ThresholdAlarmTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private async Task<JsonArray> TransitionsAsync(ApiClient project, string alarmId) =>
        (await project.GetAsync($"/v2/alarms/{alarmId}/history?q.field=type&q.value=state%20transition")).Json!.AsArray();

    [Fact]
    public async Task GoesOkAlarmOkInsufficient_AsMeasuresChange()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var alarm = await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource));
        var id = alarm["alarm_id"]!.GetValue<string>();

        var tick = host.NextTick;
        await project.PushMinutesAsync(resource, "cpu", tick, 10, 20, 30);
        await host.TickAsync();
        var state = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
        Assert.Equal("ok", state["state"]!.GetValue<string>());
        Assert.Equal("Transition to ok due to 3 samples inside threshold, most recent: 30.0", state["state_reason"]!.GetValue<string>());
        Assert.Equal(Core.Python.PythonTimestamp.Format(tick), state["state_timestamp"]!.GetValue<string>());

        tick = host.NextTick;
        await project.PushMinutesAsync(resource, "cpu", tick, 90, 95.5, 99);
        await host.TickAsync();
        Assert.Equal("\"alarm\"", (await project.GetAsync($"/v2/alarms/{id}/state")).Text);

        tick = host.NextTick;
        await project.PushMinutesAsync(resource, "cpu", tick, 1, 2, 3);
        await host.TickAsync();
        Assert.Equal("\"ok\"", (await project.GetAsync($"/v2/alarms/{id}/state")).Text);

        // An hour with no new measures: the window is empty.
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.TickAsync();
        var unknown = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
        Assert.Equal("insufficient data", unknown["state"]!.GetValue<string>());
        Assert.Equal("No datapoint for granularity 60", unknown["state_reason"]!.GetValue<string>());

        var transitions = await TransitionsAsync(project, id);
        Assert.Equal(4, transitions.Count);
        var latest = transitions[0]!;
        Assert.Equal("{\"state\": \"insufficient data\", \"transition_reason\": \"No datapoint for granularity 60\"}", latest["detail"]!.GetValue<string>());
        Assert.Equal("alarming", latest["user_id"]!.GetValue<string>());
        Assert.Equal("service", latest["project_id"]!.GetValue<string>());
        Assert.Equal(project.ProjectId, latest["on_behalf_of"]!.GetValue<string>());

        var notifications = (await new QueueProbe(host.Storage, QueueNames.Notify).PeekAllAsync()).Where(n => n["alarm_id"]!.GetValue<string>() == id).ToList();
        Assert.Equal(4, notifications.Count);
        var toAlarm = notifications.Single(n => n["current"]!.GetValue<string>() == "alarm");
        Assert.Equal("ok", toAlarm["previous"]!.GetValue<string>());
        Assert.Equal("Transition to alarm due to 3 samples outside threshold, most recent: 99.0", toAlarm["reason"]!.GetValue<string>());
        Assert.Equal("{\"type\":\"threshold\",\"disposition\":\"outside\",\"count\":3,\"most_recent\":99.0}", toAlarm["reason_data"]!.ToJsonString());
        Assert.Equal("[\"http://127.0.0.1:9/hook\"]", toAlarm["actions"]!.ToJsonString());
        Assert.Equal(4, notifications.Select(n => n["notification_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task RedeliveredMessage_RecordsNoSecondTransition_AndSendsNoSecondNotification()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource)))["alarm_id"]!.GetValue<string>();
        var tick = host.NextTick;
        await project.PushMinutesAsync(resource, "cpu", tick, 90, 91, 92);
        await host.TickAsync();
        var notify = new QueueProbe(host.Storage, QueueNames.Notify);
        var before = (await notify.PeekAllAsync()).Count(n => n["alarm_id"]!.GetValue<string>() == id);
        Assert.Equal(1, before);

        // The same tick's message again, twice, as a redelivery or a duplicated fan-out would.
        var message = new JsonObject
        {
            ["tick"] = tick.ToString("O"),
            ["alarms"] = new JsonArray(new JsonObject { ["p"] = project.ProjectId, ["id"] = id }),
            ["v"] = 1,
        };
        var evaluate = new QueueProbe(host.Storage, QueueNames.Evaluate);
        await evaluate.SendJsonAsync(message);
        await evaluate.SendJsonAsync(message);
        await host.WaitForIdleAsync();

        Assert.Single(await TransitionsAsync(project, id));
        Assert.Equal(before, (await notify.PeekAllAsync()).Count(n => n["alarm_id"]!.GetValue<string>() == id));
    }

    [Fact]
    public async Task DisabledAndOutOfWindowAlarms_AreNotEvaluated()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var disabled = MetricClient.ThresholdAlarm(resource);
        disabled["enabled"] = false;
        var disabledId = (await project.CreateAlarmAsync(disabled))["alarm_id"]!.GetValue<string>();
        var constrained = MetricClient.ThresholdAlarm(resource);
        var tick = host.NextTick;
        // A window that opens two hours after this tick.
        constrained["time_constraints"] = new JsonArray(new JsonObject
        {
            ["name"] = "later", ["start"] = $"{tick.Minute} {(tick.Hour + 2) % 24} * * *", ["duration"] = 600,
        });
        var constrainedId = (await project.CreateAlarmAsync(constrained))["alarm_id"]!.GetValue<string>();
        await project.PushMinutesAsync(resource, "cpu", tick, 90, 91, 92);

        await host.TickAsync();

        foreach (var id in new[] { disabledId, constrainedId })
        {
            var alarm = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
            Assert.Equal("insufficient data", alarm["state"]!.GetValue<string>());
            Assert.Equal("Not evaluated yet", alarm["state_reason"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task MessageForADeletedAlarm_CompletesCleanly_AndBrokenMessagesGoToPoison()
    {
        var evaluate = new QueueProbe(host.Storage, QueueNames.Evaluate);
        var poison = new QueueProbe(host.Storage, QueueNames.Evaluate + "-poison");
        var poisonedBefore = await poison.CountAsync();
        await evaluate.SendJsonAsync(new JsonObject
        {
            ["tick"] = host.Time.GetUtcNow().ToString("O"),
            ["alarms"] = new JsonArray(new JsonObject { ["p"] = "nobody", ["id"] = Guid.NewGuid().ToString() }),
            ["v"] = 1,
        });
        await host.WaitForIdleAsync();
        Assert.Equal(poisonedBefore, await poison.CountAsync());

        await evaluate.SendRawAsync("this is not base64!");                                   // undecodable: poison at once
        await evaluate.SendJsonAsync(new JsonObject { ["tick"] = "2026-01-05T10:00:00Z", ["alarms"] = null, ["v"] = 1 }); // throws every time
        await Eventually.TrueAsync(async () => await poison.CountAsync() == poisonedBefore + 2, "two poison messages");
        await host.WaitForIdleAsync();
        Assert.Equal(0, await evaluate.CountAsync());
    }

    [Fact]
    public async Task AdminEvaluate_RunsOneFanOutPerTick()
    {
        var member = await host.NewProject().PostAsync("/v2/admin/evaluate", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);

        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource, periods: 1)))["alarm_id"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(30));  // inside a minute: no timer tick
        await project.PushAsync(resource, "cpu", (host.Time.GetUtcNow().AddSeconds(-40), 99));
        var admin = host.NewProject("admin");
        var first = await admin.PostAsync("/v2/admin/evaluate", new JsonObject());
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.True(first.Json!["alarms"]!.GetValue<int>() >= 1);
        Assert.Equal(Core.Python.PythonTimestamp.Format(host.Time.GetUtcNow()), first.Json["tick"]!.GetValue<string>());
        Assert.Equal(0, (await admin.PostAsync("/v2/admin/evaluate", new JsonObject())).Json!["alarms"]!.GetValue<int>());
        await host.WaitForIdleAsync();
        Assert.Equal("\"alarm\"", (await project.GetAsync($"/v2/alarms/{id}/state")).Text);
    }
}
