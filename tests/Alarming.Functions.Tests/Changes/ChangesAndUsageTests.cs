using System.Net;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Alarms;
using Alarming.Functions.Changes;
using Alarming.Functions.Outbox;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Changes;

/// <summary>Change events on <c>alarm-changes</c> and the usage counters, after real API writes,
/// an evaluator transition and a write whose writer "crashed" before finishing it.</summary>
public sealed class ChangesAndUsageTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private readonly QueueProbe changeQueue = new(host.Storage, "alarm-changes");

    private static JsonObject EventAlarm(string name, string? state = null)
    {
        var body = new JsonObject { ["name"] = name, ["type"] = "event", ["event_rule"] = new JsonObject { ["event_type"] = "compute.instance.update" } };
        if (state is not null)
        {
            body["state"] = state;
        }
        return body;
    }

    private static async Task<string> CreateAsync(ApiClient project, JsonObject body) =>
        (await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>();

    private static JsonObject Usage(string? project, int total, int alarm, int ok, int insufficient) => new()
    {
        ["total"] = total, ["alarm"] = alarm, ["ok"] = ok, ["insufficient_data"] = insufficient, ["project_id"] = project,
    };

    private static void AssertJson(JsonNode expected, JsonNode? actual) => Assert.Equal(expected.ToJsonString(), actual?.ToJsonString());

    private static List<string> TypesOf(IEnumerable<JsonNode> events, string alarmId) =>
        events.Where(e => (string?)e["payload"]!["alarm_id"] == alarmId).Select(e => (string)e["event_type"]!).ToList();

    private readonly List<JsonNode> taken = [];

    /// <summary>API writes send their change events after answering: takes events off the queue until
    /// each alarm has at least <paramref name="count"/>; returns every event taken so far.</summary>
    private async Task<List<JsonNode>> TakeEventsAsync(int count, params string[] alarmIds)
    {
        await Eventually.TrueAsync(async () =>
        {
            taken.AddRange(await changeQueue.TakeAllAsync());
            return alarmIds.All(id => TypesOf(taken, id).Count >= count);
        }, $"{count} change events of each alarm");
        return taken;
    }

    [Fact]
    public async Task CreatesUpdatesStateChangesAndDeletes_InTwoProjects_AreAnnouncedAndCounted()
    {
        await changeQueue.TakeAllAsync();
        var a = host.NewProject();
        var b = host.NewProject();
        var admin = host.As("u-admin", "p-admin", "admin");

        var a1 = await CreateAsync(a, EventAlarm("a1"));
        var a2 = await CreateAsync(a, EventAlarm("a2"));
        var a3 = await CreateAsync(a, EventAlarm("a3", "ok"));
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsync($"/v2/alarms/{a1}", EventAlarm("a1-renamed"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsync($"/v2/alarms/{a2}/state", JsonValue.Create("alarm"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/v2/alarms/{a3}")).Status);
        var b1 = await CreateAsync(b, EventAlarm("b1"));
        var b2 = await CreateAsync(b, EventAlarm("b2", "alarm"));
        Assert.Equal(HttpStatusCode.OK, (await b.PutAsync($"/v2/alarms/{b1}/state", JsonValue.Create("ok"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await b.DeleteAsync($"/v2/alarms/{b2}")).Status);

        // a1 renamed (insufficient data), a2 set to alarm, a3 gone; b1 set to ok, b2 gone.
        var usageA = Usage(a.ProjectId, 2, 1, 0, 1);
        var usageB = Usage(b.ProjectId, 1, 0, 1, 0);
        AssertJson(new JsonArray(usageA), (await a.GetAsync("/v2/usage/alarms")).Json);
        AssertJson(new JsonArray(usageB), (await b.GetAsync("/v2/usage/alarms")).Json);
        AssertJson(new JsonArray(usageA.DeepClone()), (await admin.GetAsync($"/v2/usage/alarms?project_id={a.ProjectId}")).Json);
        var all = (await admin.GetAsync("/v2/usage/alarms")).Json!.AsArray();
        AssertJson(usageA, all.Single(u => (string?)u!["project_id"] == a.ProjectId));
        AssertJson(usageB, all.Single(u => (string?)u!["project_id"] == b.ProjectId));
        var refused = await a.GetAsync($"/v2/usage/alarms?project_id={b.ProjectId}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);  // as for quotas: Aodh's "Not Authorized to access project"
        Assert.Contains(b.ProjectId!, refused.Fault);

        var events = await TakeEventsAsync(4, a1, a2, a3, b1, b2);
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.rule_change", "alarm.update.end"], TypesOf(events, a1));
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.state_transition", "alarm.update.end"], TypesOf(events, a2));
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.deletion", "alarm.delete.end"], TypesOf(events, a3));
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.state_transition", "alarm.update.end"], TypesOf(events, b1));
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.deletion", "alarm.delete.end"], TypesOf(events, b2));
        Assert.Equal(events.Count, events.Select(e => (string)e["message_id"]!).Distinct().Count());
        Assert.All(events, e =>
        {
            Assert.Equal("aodh.api", (string?)e["publisher_id"]);
            Assert.Equal("INFO", (string?)e["priority"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", (string)e["timestamp"]!);
        });

        var history = (await a.GetAsync($"/v2/alarms/{a1}/history?q.field=type&q.value=rule%20change")).Json!.AsArray();
        var ruleChange = events.Single(e => (string?)e["event_type"] == "alarm.rule_change");
        Assert.Equal((string?)history.Single()!["event_id"], (string?)ruleChange["payload"]!["event_id"]);
        AssertJson(JsonNode.Parse((string)history.Single()!["detail"]!)!, ruleChange["payload"]!["detail"]);
        Assert.Equal("a1-renamed", (string?)ruleChange["payload"]!["detail"]!["name"]);
        var deletion = events.Single(e => (string?)e["event_type"] == "alarm.deletion" && (string?)e["payload"]!["alarm_id"] == a3);
        AssertJson(new JsonObject { ["state"] = "ok" }, deletion["payload"]!["detail"]);
        Assert.Equal(a.ProjectId, (string?)deletion["payload"]!["on_behalf_of"]);
        var renamed = events.Single(e => (string?)e["event_type"] == "alarm.update.end" && (string?)e["payload"]!["alarm_id"] == a1);
        Assert.Equal("a1-renamed", (string?)renamed["payload"]!["name"]);
        Assert.Equal("alarm", (string?)events.Single(e => (string?)e["event_type"] == "alarm.delete.end" && (string?)e["payload"]!["alarm_id"] == b2)["payload"]!["state"]);
    }

    [Fact]
    public async Task EvaluatorTransition_IsAnnouncedByTheEvaluator_AndCounted()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var body = MetricClient.ThresholdAlarm(resource);
        body["state"] = "ok";
        var id = (await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>();
        AssertJson(new JsonArray(Usage(project.ProjectId, 1, 0, 1, 0)), (await project.GetAsync("/v2/usage/alarms")).Json);

        await host.TickAsync();  // no measures: insufficient data

        AssertJson(new JsonArray(Usage(project.ProjectId, 1, 0, 0, 1)), (await project.GetAsync("/v2/usage/alarms")).Json);
        var events = (await TakeEventsAsync(3, id)).Where(e => (string?)e["payload"]!["alarm_id"] == id).ToList();
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.state_transition"], events.Select(e => (string)e["event_type"]!));
        var transition = events[2];
        Assert.Equal("aodh.evaluator", (string?)transition["publisher_id"]);
        var history = (await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=state%20transition")).Json!.AsArray();
        Assert.Equal((string?)history.Single()!["event_id"], (string?)transition["payload"]!["event_id"]);
        Assert.Equal((string?)history.Single()!["detail"], (string?)transition["payload"]!["detail"]);
        Assert.Equal("service", (string?)transition["payload"]!["project_id"]);
    }

    [Fact]
    public async Task AChangeWhoseWriterDied_IsFinishedOnceByTheSweep()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("crashing"));
        await TakeEventsAsync(2, id);

        // The state write lands with its outbox entry, then the writer "dies" before finishing it.
        var alarms = host.Services.GetRequiredService<IAlarmStore>();
        var stored = (await alarms.FindAsync(id, project.ProjectId, CancellationToken.None))!;
        var updated = AlarmFactory.SetState(stored.Alarm, AlarmStates.Alarm, Core.Python.PythonTimestamp.Truncate(host.Time.GetUtcNow()));
        var change = host.Services.GetRequiredService<ApiChanges>().StateSet(stored.Alarm, updated, Caller.Create(project.UserId, project.ProjectId!, "member"));
        Assert.Equal(WriteOutcome.Written, await alarms.ReplaceAsync(stored, updated, change, CancellationToken.None));
        // Usage counts the pending entry already: the state write is durable.
        var expected = new JsonArray(Usage(project.ProjectId, 1, 1, 0, 0));
        AssertJson(expected, (await project.GetAsync("/v2/usage/alarms")).Json);
        Assert.Empty((await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=state%20transition")).Json!.AsArray());

        var sweep = DateTimeOffset.FromUnixTimeSeconds((host.Time.GetUtcNow().ToUnixTimeSeconds() / 60 + 2) * 60 + 40);
        host.Time.Advance(sweep - host.Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(host.Activity.LastHandled(FinishOutboxFunction.Name) >= sweep), "the sweep");

        AssertJson(expected, (await project.GetAsync("/v2/usage/alarms")).Json);
        var history = (await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=state%20transition")).Json!.AsArray();
        Assert.Equal(change.History!.EventId, (string?)history.Single()!["event_id"]);
        Assert.Equal(["alarm.creation", "alarm.create.end", "alarm.state_transition", "alarm.update.end"], TypesOf(await TakeEventsAsync(4, id), id));

        // A late second finisher (the writer after all, or another sweep) changes nothing.
        await host.Services.GetRequiredService<OutboxFinisher>().FinishAsync(change, CancellationToken.None);
        AssertJson(expected, (await project.GetAsync("/v2/usage/alarms")).Json);
        Assert.Single((await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=state%20transition")).Json!.AsArray());
    }
}
