using System.Globalization;
using System.Text.Json;
using Alarming.Core.History;
using Alarming.Core.Usage;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Changes;

/// <summary>A <see cref="PendingChange"/> as a row of the alarms table, in its project's partition
/// after the alarm and name rows (RowKey <c>pending:</c> + id).</summary>
internal static class PendingChangeRow
{
    public const string Prefix = "pending:";

    /// <remarks>A string column holds at most 32K characters; an event carrying a large alarm is split.</remarks>
    private const int ChunkLength = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RowKey(string id) => Prefix + TableKey.Encode(id);

    public static TableEntity From(PendingChange change)
    {
        var entity = new TableEntity(TableKey.Encode(change.ProjectId), RowKey(change.Id))
        {
            ["ChangeId"] = change.Id,
            ["AlarmId"] = change.AlarmId,
            ["ProjectId"] = change.ProjectId,
            ["CreatedAt"] = change.CreatedAt,
            ["Total"] = change.Usage.Total,
            ["Alarm"] = change.Usage.Alarm,
            ["Ok"] = change.Usage.Ok,
            ["InsufficientData"] = change.Usage.InsufficientData,
            ["History"] = change.History is null ? null : JsonSerializer.Serialize(change.History, Json),
        };
        var effects = JsonSerializer.Serialize(change.Events, Json);
        var chunks = effects.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        entity["EventChunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity["Events" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }
        return entity;
    }

    public static PendingChange ToChange(TableEntity entity)
    {
        var chunks = entity.GetInt32("EventChunks") ?? 0;
        var events = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Events" + i.ToString(CultureInfo.InvariantCulture))));
        var history = entity.GetString("History");
        return new PendingChange(
            entity.GetString("ChangeId"),
            entity.GetString("AlarmId"),
            entity.GetString("ProjectId"),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            new AlarmCounts(entity.GetInt32("Total") ?? 0, entity.GetInt32("Alarm") ?? 0, entity.GetInt32("Ok") ?? 0,
                entity.GetInt32("InsufficientData") ?? 0),
            history is null ? null : JsonSerializer.Deserialize<AlarmChange>(history, Json),
            events.Length == 0 ? [] : JsonSerializer.Deserialize<List<string>>(events, Json)!);
    }
}
