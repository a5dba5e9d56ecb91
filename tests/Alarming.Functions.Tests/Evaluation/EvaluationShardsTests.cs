using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Functions.Evaluation;
using Alarming.Storage;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>How a tick's alarms are packed into evaluation messages.</summary>
public sealed class EvaluationShardsTests
{
    private static readonly DateTimeOffset Tick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static StoredAlarm Stored(string resource, string? description = null, string name = "n") => new(new Alarm
    {
        AlarmId = Guid.NewGuid().ToString(), Name = name, Description = description, Enabled = true, OkActions = [],
        AlarmActions = ["http://127.0.0.1:9/hook"], InsufficientDataActions = [], RepeatActions = false,
        Type = AlarmTypes.GnocchiResources, TimeConstraints = [], ProjectId = "p", UserId = "u", Timestamp = Tick,
        State = AlarmStates.InsufficientData, StateTimestamp = Tick, StateReason = "Not evaluated yet", Severity = "low", EvaluateTimestamp = null,
        Rule = new JsonObject
        {
            ["metric"] = "cpu", ["resource_id"] = resource, ["resource_type"] = "instance", ["comparison_operator"] = "gt",
            ["threshold"] = 80.0, ["aggregation_method"] = "mean", ["evaluation_periods"] = 3, ["granularity"] = 60,
        },
    }, "W/\"datetime'2026-01-05T10%3A00%3A00Z'\"", new EvaluationMark(Tick.AddMinutes(-1), null));

    private static IReadOnlyList<StoredAlarm> Carried(EvaluateAlarmsMessage message) =>
        message.Carried is { } carried ? CarriedAlarms.Unpack(carried) : [];

    [Fact]
    public void Pack_KeepsAlarmsOfOneSeriesTogether_AndCarriesEachAsRead()
    {
        var due = Enumerable.Range(0, 30).Select(i => Stored($"vm-{i % 3}")).ToList();

        var messages = EvaluationShards.Pack(due, Tick, batchSize: 10).ToList();

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Single(Carried(m).Select(a => a.Alarm.Rule["resource_id"]!.GetValue<string>()).Distinct()));
        Assert.All(messages, m => Assert.Equal(m.Alarms.Select(a => a.Id), Carried(m).Select(a => a.Alarm.AlarmId)));
        Assert.Equal(due.Select(a => a.Alarm.AlarmId).Order(), messages.SelectMany(m => m.Alarms).Select(a => a.Id).Order());
    }

    [Fact]
    public void Pack_PutsAlarmsOfOnePartitionTogether_ThenThoseOfOneSeries()
    {
        var due = Enumerable.Range(0, 200).Select(i => Stored($"vm-{i % 7}", name: $"alarm-{i}")).ToList();

        var packed = EvaluationShards.Pack(due, Tick, batchSize: 10).SelectMany(Carried).ToList();

        var order = packed.Select(a => (AlarmPartition.Of(a.Alarm), a.Alarm.Rule["resource_id"]!.GetValue<string>())).ToList();
        Assert.Equal(order.Order(), order);
        Assert.True(order.Select(o => o.Item1).Distinct().Count() > 1);
    }

    [Fact]
    public void Pack_CarriesAFullShardOfTypicalAlarms_InOneMessage()
    {
        var due = Enumerable.Range(0, 100).Select(i => Stored($"vm-{i}")).ToList();

        var message = Assert.Single(EvaluationShards.Pack(due, Tick, batchSize: 100));

        Assert.Equal(100, Carried(message).Count);
        Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(message, StorageJson.Options)) < 48 * 1024);
    }

    [Fact]
    public void Pack_SplitsWhatDoesNotFit_AndSendsAnAlarmTooLargeAloneByAddressOnly()
    {
        static string Noise(int length) => string.Concat(Enumerable.Range(0, length / 32 + 1).Select(_ => Guid.NewGuid().ToString("N")))[..length];
        var large = Stored("vm-0", Noise(60_000));
        var due = Enumerable.Range(0, 99).Select(_ => Stored("vm-0", Noise(1_500))).Append(large).ToList();

        var messages = EvaluationShards.Pack(due, Tick, batchSize: 100).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(m, StorageJson.Options)) < 48 * 1024));
        var alone = Assert.Single(messages, m => m.Alarms.Any(a => a.Id == large.Alarm.AlarmId));
        Assert.Null(alone.Carried);
        Assert.Equal(99, messages.Sum(m => Carried(m).Count));
        Assert.Equal(100, messages.Sum(m => m.Alarms.Count));
    }

    [Fact]
    public void Message_RoundTripsTheAlarmsAsRead()
    {
        var stored = Stored("vm-0");
        var message = EvaluationShards.Pack([stored], Tick, 100).Single();

        var back = JsonSerializer.Deserialize<EvaluateAlarmsMessage>(JsonSerializer.Serialize(message, StorageJson.Options), StorageJson.Options)!;

        var read = Assert.Single(Carried(back));
        Assert.Equal(stored.Version, read.Version);
        Assert.Equal(stored.Mark, read.Mark);
        Assert.Equal(stored.Alarm.Rule.ToJsonString(), read.Alarm.Rule.ToJsonString());
        Assert.Equal(stored.Alarm with { Rule = read.Alarm.Rule, AlarmActions = read.Alarm.AlarmActions, OkActions = read.Alarm.OkActions,
            InsufficientDataActions = read.Alarm.InsufficientDataActions, TimeConstraints = read.Alarm.TimeConstraints }, read.Alarm);
        Assert.Equal(stored.Alarm.AlarmActions, read.Alarm.AlarmActions);
    }

    [Fact]
    public void WithoutFinishedEntries_DropsTheMarkOfAGoneEntry_AndKeepsOneStillPending()
    {
        var finished = Stored("vm-0") with { Mark = new EvaluationMark(Tick, "gone") };
        var pending = Stored("vm-0") with { Mark = new EvaluationMark(Tick, "still-there") };
        var unmarked = Stored("vm-0");

        var carried = EvaluationShards.WithoutFinishedEntries([finished, pending, unmarked], new HashSet<string> { "still-there" }).ToList();

        Assert.Equal([null, "still-there", null], carried.Select(a => a.Mark.Pending));
        Assert.Equal([Tick, Tick, Tick.AddMinutes(-1)], carried.Select(a => a.Mark.LastTick!.Value));
    }
}
