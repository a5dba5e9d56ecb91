using Alarming.Core.Evaluation;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Evaluation;

/// <summary>Packs a tick's alarms into <c>alarm-evaluate</c> messages: alarms of one alarms-table
/// partition together (a message's writes to a partition share transactions), within it those that
/// read the same series next to each other, each message at most <c>batchSize</c> alarms, carrying
/// them as read when they fit a queue message.</summary>
/// <remarks>Alarms of one series in other partitions still share its read: the evaluator shares
/// reads across the tick's messages (<see cref="TickMetricSources"/>).</remarks>
internal static class EvaluationShards
{
    /// <summary>A queue message holds 64 KiB, base64 48 KiB of text; the rest is room for the addresses.</summary>
    private const int MaxCarriedChars = 38 * 1024;

    public static IEnumerable<EvaluateAlarmsMessage> Pack(IEnumerable<StoredAlarm> due, DateTimeOffset tick, int batchSize) =>
        due.OrderBy(a => AlarmPartition.Of(a.Alarm), StringComparer.Ordinal)
            .ThenBy(a => ThresholdRule.SeriesKeyOf(a.Alarm) ?? "", StringComparer.Ordinal)
            .Chunk(batchSize)
            .SelectMany(shard => Fit(shard, tick));

    /// <summary>The alarms as read, without the marks of entries no longer pending: the evaluator
    /// then has nothing to finish first and no mark to clear.</summary>
    public static IEnumerable<StoredAlarm> WithoutFinishedEntries(IEnumerable<StoredAlarm> due, IReadOnlySet<string> pending) =>
        due.Select(a => a.Mark.Pending is { } id && !pending.Contains(id) ? a with { Mark = a.Mark with { Pending = null } } : a);

    /// <summary>The shard as one message, or halved until each half fits; an alarm too large to carry
    /// even alone travels by address, and the evaluator reads it.</summary>
    private static IEnumerable<EvaluateAlarmsMessage> Fit(StoredAlarm[] shard, DateTimeOffset tick)
    {
        var addresses = shard.Select(a => new AlarmAddress(a.Alarm.ProjectId, a.Alarm.AlarmId)).ToList();
        var carried = CarriedAlarms.Pack(shard);
        if (carried.Length <= MaxCarriedChars)
        {
            return [new EvaluateAlarmsMessage(tick, addresses, carried)];
        }
        if (shard.Length == 1)
        {
            return [new EvaluateAlarmsMessage(tick, addresses)];
        }
        var half = shard.Length / 2;
        return Fit(shard[..half], tick).Concat(Fit(shard[half..], tick));
    }
}
