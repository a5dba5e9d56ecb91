using System.Globalization;
using System.Text.Encodings.Web;
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

    /// <remarks>A string column holds at most 32K characters; the effects of a large alarm are split.</remarks>
    private const int ChunkLength = 30_000;

    /// <remarks>Relaxed escaping: the default writes every quote of the rendered events as six characters.</remarks>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Effects(AlarmChange? History, IReadOnlyList<string> Events);

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
        };
        var effects = JsonSerializer.Serialize(new Effects(change.History, change.Events), Json);
        var chunks = effects.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        entity["EffectChunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity["Effects" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }
        return entity;
    }

    public static PendingChange ToChange(TableEntity entity)
    {
        var chunks = entity.GetInt32("EffectChunks") ?? 0;
        var effects = JsonSerializer.Deserialize<Effects>(
            string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Effects" + i.ToString(CultureInfo.InvariantCulture)))), Json)!;
        return new PendingChange(
            entity.GetString("ChangeId"),
            entity.GetString("AlarmId"),
            entity.GetString("ProjectId"),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            new AlarmCounts(entity.GetInt32("Total") ?? 0, entity.GetInt32("Alarm") ?? 0, entity.GetInt32("Ok") ?? 0,
                entity.GetInt32("InsufficientData") ?? 0),
            effects.History,
            effects.Events);
    }
}
