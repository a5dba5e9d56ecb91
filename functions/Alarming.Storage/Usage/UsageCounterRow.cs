using Alarming.Core.Usage;
using Azure.Data.Tables;

namespace Alarming.Storage.Usage;

/// <summary>The counter columns shared by usage shards and the usage delta of an outbox row, and
/// where the shards live in each of a project's partitions of the alarms table.</summary>
/// <remarks>Within a partition, counters are split in up to 16 rows by the alarm id's first digit
/// (a batch folds into the shard of its first entry), so concurrent changes seldom contend.</remarks>
internal static class UsageCounterRow
{
    public const string Prefix = "usage:";

    public static readonly IReadOnlyList<string> Columns = ["Total", "Alarm", "Ok", "InsufficientData"];

    /// <remarks>Alarm ids are UUIDs; any other id still lands in a valid shard.</remarks>
    public static string ShardKey(string alarmId) =>
        Prefix + (alarmId.Length > 0 && char.IsAsciiHexDigit(alarmId[0]) ? char.ToLowerInvariant(alarmId[0]) : '0');

    public static TableEntity Shard(string partition, string rowKey, string? projectId, AlarmCounts counts)
    {
        var row = new TableEntity(partition, rowKey) { ["ProjectId"] = projectId };
        Write(row, counts);
        return row;
    }

    public static void Write(TableEntity row, AlarmCounts counts)
    {
        row["Total"] = counts.Total;
        row["Alarm"] = counts.Alarm;
        row["Ok"] = counts.Ok;
        row["InsufficientData"] = counts.InsufficientData;
    }

    public static AlarmCounts Read(TableEntity row) =>
        new(row.GetInt32("Total") ?? 0, row.GetInt32("Alarm") ?? 0, row.GetInt32("Ok") ?? 0, row.GetInt32("InsufficientData") ?? 0);
}
