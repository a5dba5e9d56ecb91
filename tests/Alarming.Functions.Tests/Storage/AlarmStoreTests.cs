using Alarming.Functions.Tests.Fixtures;
using System.Text.Json.Nodes;
using Alarming.Core.Usage;
using Alarming.Storage.Alarms;
using Alarming.Storage.Outbox;
using Alarming.Storage.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Storage;

/// <summary>The alarm and outbox stores' batched reads and writes, which evaluation uses for a message's alarms.</summary>
public sealed class AlarmStoreTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task FindMany_ReadsAcrossProjectsAndFilterChunks_AndLeavesOutWhatIsNotThere()
    {
        var first = host.NewProject();
        var second = host.NewProject();
        var wanted = new List<(string? ProjectId, string AlarmId)>();
        // 20 alarms in one project: more than one filter's 14 row keys.
        for (var i = 0; i < 20; i++)
        {
            wanted.Add((first.ProjectId, (await first.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>()));
        }
        for (var i = 0; i < 3; i++)
        {
            wanted.Add((second.ProjectId, (await second.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-2")))["alarm_id"]!.GetValue<string>()));
        }
        var store = host.Services.GetRequiredService<IAlarmStore>();

        var found = await store.FindManyAsync(
            [.. wanted, (first.ProjectId, Guid.NewGuid().ToString()), (second.ProjectId, wanted[0].AlarmId), (first.ProjectId, "name:x")],
            CancellationToken.None);

        Assert.Equal(wanted.Select(w => w.AlarmId).Order(), found.Keys.Order());
        Assert.All(wanted, w => Assert.Equal(w.ProjectId, found[w.AlarmId].Alarm.ProjectId));
        Assert.All(found.Values, stored => Assert.False(string.IsNullOrEmpty(stored.Version)));
    }

    [Fact]
    public async Task EventAlarmIndex_HoldsTheEnabledEventAlarms_AndFollowsEveryWriteAtOnce()
    {
        var project = host.NewProject();
        var store = host.Services.GetRequiredService<IAlarmStore>();
        JsonObject EventAlarm(string name) => new()
        {
            ["name"] = name, ["type"] = "event",
            ["event_rule"] = new JsonObject { ["event_type"] = "x.*", ["query"] = new JsonArray() },
        };
        async Task<string[]> IndexedAsync() =>
            [.. (await store.ListEventAlarmsAsync(project.ProjectId, CancellationToken.None)).Select(r => r.AlarmId).Order()];

        var first = (await project.CreateAlarmAsync(EventAlarm("first")))["alarm_id"]!.GetValue<string>();
        await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1"));
        Assert.Equal([first], await IndexedAsync());
        var second = (await project.CreateAlarmAsync(EventAlarm("second")))["alarm_id"]!.GetValue<string>();
        Assert.Equal(new[] { first, second }.Order(), await IndexedAsync());

        var disabled = (await project.GetAsync($"/v2/alarms/{first}")).Json!.AsObject();
        disabled["enabled"] = false;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{first}", disabled)).Status);
        Assert.Equal([second], await IndexedAsync());

        var renamed = (await project.GetAsync($"/v2/alarms/{second}")).Json!.AsObject();
        // A name of another partition: the alarm moves, and its index row with it.
        var otherName = Enumerable.Range(0, 100).Select(i => $"second-renamed-{i}")
            .First(n => AlarmPartition.Of(project.ProjectId, n) != AlarmPartition.Of(project.ProjectId, "second"));
        renamed["name"] = otherName;
        renamed["event_rule"] = new JsonObject { ["event_type"] = "y.*", ["query"] = new JsonArray() };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{second}", renamed)).Status);
        Assert.Equal("y.*", (await store.ListEventAlarmsAsync(project.ProjectId, CancellationToken.None)).Single().Rule["event_type"]!.GetValue<string>());

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{second}")).Status);
        Assert.Empty(await IndexedAsync());
    }

    [Fact]
    public async Task AnEventAlarmWithoutItsIndexRow_CanStillBeDisabledAndDeleted()
    {
        // As an event alarm stored before event alarms had an index is.
        var project = host.NewProject();
        var created = await project.CreateAlarmAsync(new JsonObject
        {
            ["name"] = "legacy", ["type"] = "event", ["event_rule"] = new JsonObject { ["event_type"] = "x.*", ["query"] = new JsonArray() },
        });
        var id = created["alarm_id"]!.GetValue<string>();
        await new Azure.Data.Tables.TableClient(host.Storage, "alarms").DeleteEntityAsync(AlarmPartition.Of(project.ProjectId, "legacy"), "on-event:" + id);

        created["enabled"] = false;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}", created)).Status);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{id}")).Status);
    }

    [Fact]
    public async Task RecordEvaluation_WithAnOutboxEntry_ReturnsTheVersionTheNextWriteNeeds()
    {
        var project = host.NewProject();
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();
        var store = host.Services.GetRequiredService<IAlarmStore>();
        var stored = (await store.FindAsync(id, project.ProjectId, CancellationToken.None))!;
        var change = Entry(stored.Alarm);
        var mark = new EvaluationMark(DateTimeOffset.UtcNow, change.Id);

        var (outcome, version) = await store.RecordEvaluationAsync(stored, stored.Alarm, mark, change, CancellationToken.None);

        Assert.Equal(WriteOutcome.Written, outcome);
        var cleared = await store.RecordEvaluationAsync(new StoredAlarm(stored.Alarm, version!, mark), stored.Alarm, mark with { Pending = null },
            null, CancellationToken.None);
        Assert.Equal(WriteOutcome.Written, cleared.Outcome);
    }

    [Fact]
    public async Task RecordEvaluations_WritesTogether_AndGivesAnAlarmChangedSinceReadItsOwnConflict()
    {
        var project = host.NewProject();
        var store = host.Services.GetRequiredService<IAlarmStore>();
        var read = new List<StoredAlarm>();
        // 60 alarms with entries: 120 actions, more than one transaction holds.
        for (var i = 0; i < 60; i++)
        {
            var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();
            read.Add((await store.FindAsync(id, project.ProjectId, CancellationToken.None))!);
        }
        var changed = read[45];
        await project.PutAsync($"/v2/alarms/{changed.Alarm.AlarmId}/state", JsonValue.Create("alarm"));
        var tick = DateTimeOffset.UtcNow;
        var writes = read.Select(stored => new EvaluationWrite(stored, stored.Alarm with { State = "ok" },
            new EvaluationMark(tick, "entry-" + stored.Alarm.AlarmId), Entry(stored.Alarm))).ToList();

        var outcomes = await store.RecordEvaluationsAsync(writes, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, outcomes[45].Outcome);
        Assert.All(outcomes.Where((_, i) => i != 45), o => Assert.Equal(WriteOutcome.Written, o.Outcome));
        var after = await store.FindManyAsync(read.Select(r => (r.Alarm.ProjectId, r.Alarm.AlarmId)), CancellationToken.None);
        Assert.Equal("alarm", after[changed.Alarm.AlarmId].Alarm.State);
        Assert.All(read.Where(r => r != changed), r =>
        {
            Assert.Equal("ok", after[r.Alarm.AlarmId].Alarm.State);
            Assert.Equal(outcomes[read.IndexOf(r)].Version, after[r.Alarm.AlarmId].Version);
        });
    }

    [Fact]
    public async Task CompleteMany_FoldsUsageOnce_EvenWhenAnotherFinisherCompletedSomeFirst()
    {
        var project = host.NewProject();
        var store = host.Services.GetRequiredService<IAlarmStore>();
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var usage = host.Services.GetRequiredService<IUsageStore>();
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();
        await Eventually.TrueAsync(async () => (await outbox.ListPendingAsync(DateTimeOffset.MaxValue, CancellationToken.None))
            .All(e => e.ProjectId != project.ProjectId), "the create's entry to be finished");
        var before = (await usage.ProjectUsageAsync(project.ProjectId, CancellationToken.None)).Counts;
        var stored = (await store.FindAsync(id, project.ProjectId, CancellationToken.None))!;
        // 120 entries moving one alarm from insufficient data to ok and back, ending in ok: more than one chunk.
        var entries = Enumerable.Range(0, 120).Select(i => Entry(stored.Alarm, i % 2 == 0 ? new AlarmCounts(0, 0, 1, -1) : new AlarmCounts(0, 0, -1, 1)))
            .Append(Entry(stored.Alarm, new AlarmCounts(0, 0, 1, -1))).ToList();
        var tick = DateTimeOffset.UtcNow;
        foreach (var entry in entries)
        {
            var (_, version) = await store.RecordEvaluationAsync(stored, stored.Alarm, new EvaluationMark(tick, entry.Id), entry, CancellationToken.None);
            stored = stored with { Version = version! };
        }
        Assert.Equal(before + new AlarmCounts(0, 0, 1, -1), (await usage.ProjectUsageAsync(project.ProjectId, CancellationToken.None)).Counts);
        await outbox.CompleteAsync(entries[7], CancellationToken.None);
        await outbox.CompleteAsync(entries[110], CancellationToken.None);

        await outbox.CompleteManyAsync(entries, CancellationToken.None);

        Assert.Equal(before + new AlarmCounts(0, 0, 1, -1), (await usage.ProjectUsageAsync(project.ProjectId, CancellationToken.None)).Counts);
        Assert.DoesNotContain(await outbox.ListPendingAsync(DateTimeOffset.MaxValue, CancellationToken.None), e => e.ProjectId == project.ProjectId);
    }

    private static OutboxEntry Entry(Core.Alarms.Alarm alarm, AlarmCounts usage = default) =>
        new(Guid.NewGuid().ToString(), alarm.AlarmId, alarm.ProjectId, alarm.Name, DateTimeOffset.UtcNow, usage, null, []);
}
