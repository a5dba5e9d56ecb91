using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Events;

/// <summary>What an event does to event alarms: which fire, how often, and which never do; the index
/// of event alarms following creates, updates and deletes.</summary>
public sealed class EventAlarmTests(EventsHostFixture host) : IClassFixture<EventsHostFixture>
{
    private static JsonObject Alarm(JsonArray query, bool repeat = false, bool enabled = true) => new()
    {
        ["name"] = "event-" + Guid.NewGuid().ToString("N")[..8],
        ["type"] = "event",
        ["enabled"] = enabled,
        ["repeat_actions"] = repeat,
        ["alarm_actions"] = new JsonArray("http://127.0.0.1:9/hook"),
        ["event_rule"] = new JsonObject { ["event_type"] = "app.*", ["query"] = query },
    };

    private static JsonArray Query(string field, string value, string type = "string", string op = "eq") =>
        new(new JsonObject { ["field"] = field, ["op"] = op, ["value"] = value, ["type"] = type });

    private async Task<string> CreateAsync(ApiClient project, JsonObject alarm) => (await project.CreateAlarmAsync(alarm))["alarm_id"]!.GetValue<string>();

    private async Task SendAsync(ApiClient project, params (string Name, int Type, object Value)[] traits)
    {
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await project.PostAsync("/v2/events", EventsHostFixture.Event("m-" + Guid.NewGuid(), "app.crashed", null, traits));
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        await host.WaitForEventsAsync();
    }

    private async Task<JsonArray> TransitionsAsync(ApiClient project, string alarmId) =>
        (await project.GetAsync($"/v2/alarms/{alarmId}/history?q.field=type&q.value=state%20transition")).Json!.AsArray();

    private async Task<string> StateAsync(ApiClient project, string alarmId) =>
        (await project.GetAsync($"/v2/alarms/{alarmId}")).Json!["state"]!.GetValue<string>();

    [Fact]
    public async Task WithoutRepeat_TheFirstMatchFires_LaterOnesAreIgnored_UntilTheStateIsSetBack()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, Alarm(Query("traits.app", "web")));
        await SendAsync(project, ("app", 1, "web"));
        await SendAsync(project, ("app", 1, "web"));
        Assert.Single(await TransitionsAsync(project, id));

        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}/state", JsonValue.Create("ok"))).Status);
        await SendAsync(project, ("app", 1, "web"));
        Assert.Equal("alarm", await StateAsync(project, id));
        Assert.Equal(3, (await TransitionsAsync(project, id)).Count);   // event, API to ok, event
    }

    [Fact]
    public async Task WithRepeat_EveryMatchRecordsAlarmToAlarm_AndNotifies()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, Alarm(Query("traits.app", "api"), repeat: true));
        await SendAsync(project, ("app", 1, "api"));
        await SendAsync(project, ("app", 1, "api"));
        var transitions = await TransitionsAsync(project, id);
        Assert.Equal(2, transitions.Count);
        Assert.All(transitions, t => Assert.Contains("\"state\": \"alarm\"", t!["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ADisabledAlarm_NeverFires_UntilEnabled_AndADeletedOneIsGoneFromTheIndex()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, Alarm(Query("traits.app", "db"), enabled: false));
        await SendAsync(project, ("app", 1, "db"));
        Assert.Equal("insufficient data", await StateAsync(project, id));

        var alarm = (await project.GetAsync($"/v2/alarms/{id}")).Json!.AsObject();
        alarm["enabled"] = true;
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}", alarm)).Status);
        await SendAsync(project, ("app", 1, "db"));
        Assert.Equal("alarm", await StateAsync(project, id));

        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{id}")).Status);
        Assert.Empty(await host.Services.GetRequiredService<IAlarmStore>().ListEventAlarmsAsync(project.ProjectId, CancellationToken.None));
        await SendAsync(project, ("app", 1, "db"));   // nothing to fire, nothing to fail
    }

    [Fact]
    public async Task AnUpdatedRule_IsWhatTheNextEventMeets()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, Alarm(Query("traits.app", "old")));
        var alarm = (await project.GetAsync($"/v2/alarms/{id}")).Json!.AsObject();
        alarm["event_rule"] = new JsonObject { ["event_type"] = "app.*", ["query"] = Query("traits.app", "new") };
        alarm["name"] = "renamed-" + Guid.NewGuid().ToString("N")[..8];   // another partition, most likely: the index row moves too
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}", alarm)).Status);
        await SendAsync(project, ("app", 1, "old"));
        Assert.Equal("insufficient data", await StateAsync(project, id));
        await SendAsync(project, ("app", 1, "new"));
        Assert.Equal("alarm", await StateAsync(project, id));
    }

    [Fact]
    public async Task ConditionsThatCannotHold_NeverFire_WhileTheProjectsOtherAlarmsStillDo()
    {
        var project = host.NewProject();
        var boolean = await CreateAsync(project, Alarm(Query("traits.flag", "True", type: "boolean")));
        var nonTrait = await CreateAsync(project, Alarm(Query("event_type", "app.crashed")));
        var mismatched = await CreateAsync(project, Alarm(Query("traits.count", "5", op: "gt")));   // int trait > str value: TypeError
        var plain = await CreateAsync(project, Alarm(Query("traits.count", "4", type: "integer", op: "gt")));
        await SendAsync(project, ("flag", 1, "True"), ("count", 2, 5));
        Assert.Equal("insufficient data", await StateAsync(project, boolean));
        Assert.Equal("insufficient data", await StateAsync(project, nonTrait));
        Assert.Equal("insufficient data", await StateAsync(project, mismatched));
        Assert.Equal("alarm", await StateAsync(project, plain));
    }

    [Fact]
    public async Task TheReason_NamesTheEvent_AndTheActionsRun()
    {
        var project = host.NewProject("admin");   // log:// is an admin's action
        var id = await CreateAsync(project, Alarm(Query("traits.app", "mail")).Also(a => a["alarm_actions"] = new JsonArray("log://")));
        var messageId = "m-" + Guid.NewGuid();
        var sent = EventsHostFixture.Event(messageId, "app.crashed", project.ProjectId, ("app", 1, "mail"));
        Assert.Equal(HttpStatusCode.Accepted, (await project.PostAsync("/v2/events", sent)).Status);
        await host.WaitForEventsAsync();
        var reason = (await project.GetAsync($"/v2/alarms/{id}")).Json!["state_reason"]!.GetValue<string>();
        Assert.StartsWith($"Event <id={messageId},event_type=app.crashed> hits the query <query=[", reason);
        await Eventually.TrueAsync(async () => (await host.OutcomesAsync(id, messageId)).Count == 1, "the log:// action");
    }
}
