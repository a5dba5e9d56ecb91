using System.Globalization;
using System.Text.Json;
using Alarming.Core.History;
using Alarming.Storage.Alarms;
using Alarming.Storage.Tables;
using Alarming.Storage.Usage;
using Azure.Data.Tables;

namespace Alarming.Storage.Outbox;

/// <summary>An <see cref="OutboxEntry"/> as a row of the alarms table, in its alarm's partition
/// after the alarm and name rows (RowKey <c>pending:</c> + id).</summary>
internal static class OutboxRow
{
    public const string Prefix = "pending:";

    /// <remarks>A string column holds at most 32K characters; the effects of a large alarm are split.</remarks>
    private const int ChunkLength = 30_000;

    private sealed record Effects(AlarmChange? History, IReadOnlyList<string> Events, string? Notification);

    public static string RowKey(string id) => Prefix + TableKey.Encode(id);

    public static string Partition(OutboxEntry entry) => AlarmPartition.Of(entry.ProjectId, entry.AlarmName);

    public static TableEntity From(OutboxEntry entry)
    {
        var entity = new TableEntity(Partition(entry), RowKey(entry.Id))
        {
            ["EntryId"] = entry.Id,
            ["AlarmId"] = entry.AlarmId,
            ["ProjectId"] = entry.ProjectId,
            ["AlarmName"] = entry.AlarmName,
            ["CreatedAt"] = entry.CreatedAt,
        };
        UsageCounterRow.Write(entity, entry.Usage);
        var effects = JsonSerializer.Serialize(new Effects(entry.History, entry.Events, entry.Notification), StorageJson.Options);
        var chunks = effects.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        entity["EffectChunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity["Effects" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }
        return entity;
    }

    public static OutboxEntry ToEntry(TableEntity entity)
    {
        var chunks = entity.GetInt32("EffectChunks") ?? 0;
        var effects = JsonSerializer.Deserialize<Effects>(
            string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Effects" + i.ToString(CultureInfo.InvariantCulture)))),
            StorageJson.Options)!;
        return new OutboxEntry(
            entity.GetString("EntryId"),
            entity.GetString("AlarmId"),
            entity.GetString("ProjectId"),
            entity.GetString("AlarmName"),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            UsageCounterRow.Read(entity),
            effects.History,
            effects.Events,
            effects.Notification);
    }
}
