using System.Text.Json;
using Alarming.Core.Evaluation;
using Alarming.Storage;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Evaluation;

/// <summary>Packs a tick's alarms into <c>alarm-evaluate</c> messages: alarms that read the same series
/// next to each other (they share one read in a shard), each message at most <c>batchSize</c> alarms
/// and small enough for a queue message with the alarms as read.</summary>
internal static class EvaluationShards
{
    /// <summary>A queue message holds 64 KiB, base64 48 KiB of text; the rest is headroom for the envelope.</summary>
    private const int MaxReadBytes = 40 * 1024;

    /// <summary>An alarm larger than this travels by address and is read by the evaluator.</summary>
    private const int MaxAlarmBytes = 8 * 1024;

    public static IEnumerable<EvaluateAlarmsMessage> Pack(IEnumerable<StoredAlarm> due, DateTimeOffset tick, int batchSize)
    {
        var addresses = new List<AlarmAddress>();
        var read = new List<StoredAlarm>();
        var bytes = 0;
        foreach (var stored in due.OrderBy(a => ThresholdRule.SeriesKeyOf(a.Alarm) ?? "", StringComparer.Ordinal))
        {
            var size = JsonSerializer.SerializeToUtf8Bytes(stored, StorageJson.Options).Length;
            var carried = size <= MaxAlarmBytes;
            if (addresses.Count == batchSize || (carried && bytes + size > MaxReadBytes))
            {
                yield return new EvaluateAlarmsMessage(tick, addresses, read);
                (addresses, read, bytes) = ([], [], 0);
            }
            addresses.Add(new AlarmAddress(stored.Alarm.ProjectId, stored.Alarm.AlarmId));
            if (carried)
            {
                read.Add(stored);
                bytes += size;
            }
        }
        if (addresses.Count > 0)
        {
            yield return new EvaluateAlarmsMessage(tick, addresses, read);
        }
    }
}
