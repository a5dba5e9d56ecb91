using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Storage;

/// <summary>The alarm store's batched read, which evaluation uses for a message's alarms.</summary>
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
    public async Task RecordEvaluation_WithAnOutboxEntry_ReturnsTheVersionTheNextWriteNeeds()
    {
        var project = host.NewProject();
        var id = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();
        var store = host.Services.GetRequiredService<IAlarmStore>();
        var stored = (await store.FindAsync(id, project.ProjectId, CancellationToken.None))!;
        var change = new Alarming.Storage.Outbox.OutboxEntry(Guid.NewGuid().ToString(), id, project.ProjectId, DateTimeOffset.UtcNow,
            default, null, []);
        var mark = new EvaluationMark(DateTimeOffset.UtcNow, change.Id);

        var (outcome, version) = await store.RecordEvaluationAsync(stored, stored.Alarm, mark, change, CancellationToken.None);

        Assert.Equal(WriteOutcome.Written, outcome);
        var cleared = await store.RecordEvaluationAsync(new StoredAlarm(stored.Alarm, version!, mark), stored.Alarm, mark with { Pending = null },
            null, CancellationToken.None);
        Assert.Equal(WriteOutcome.Written, cleared.Outcome);
    }
}
