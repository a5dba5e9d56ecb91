using System.Globalization;
using Alarming.Core.History;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.History;

/// <summary><see cref="IHistoryStore"/> on the <c>history</c> table: PartitionKey = alarm id,
/// RowKey = inverted timestamp + event id, so a partition reads newest first.</summary>
internal sealed class HistoryStore(TableClientFactory tables) : IHistoryStore
{
    private TableClient History => tables.History;

    public async Task AddAsync(AlarmChange change, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKey.Encode(change.AlarmId), RowKey(change))
        {
            ["EventId"] = change.EventId,
            ["AlarmId"] = change.AlarmId,
            ["Type"] = change.Type,
            ["Detail"] = change.Detail,
            ["ProjectId"] = change.ProjectId,
            ["UserId"] = change.UserId,
            ["OnBehalfOf"] = change.OnBehalfOf,
            ["ChangeTimestamp"] = change.Timestamp,
            ["Severity"] = change.Severity,
        };
        await History.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public Task<IReadOnlyList<AlarmChange>> ListAsync(string alarmId, CancellationToken cancellationToken) =>
        QueryAsync($"PartitionKey eq {TableKey.Quote(TableKey.Encode(alarmId))}", cancellationToken);

    public Task<IReadOnlyList<AlarmChange>> ListAllAsync(string? onBehalfOf, CancellationToken cancellationToken) =>
        QueryAsync(onBehalfOf is null ? null : $"OnBehalfOf eq {TableKey.Quote(onBehalfOf)}", cancellationToken);

    public async Task DeleteAlarmHistoryAsync(string alarmId, CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(alarmId);
        var keys = new List<string>();
        await foreach (var entity in History.QueryAsync<TableEntity>($"PartitionKey eq {TableKey.Quote(partition)}",
                           select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }
        foreach (var chunk in keys.Chunk(100))
        {
            await History.SubmitTransactionAsync(
                chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))),
                cancellationToken);
        }
    }

    private async Task<IReadOnlyList<AlarmChange>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var changes = new List<AlarmChange>();
        await foreach (var entity in History.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            changes.Add(new AlarmChange(
                entity.GetString("EventId"),
                entity.GetString("AlarmId"),
                entity.GetString("Type"),
                entity.GetString("Detail"),
                entity.GetString("ProjectId"),
                entity.GetString("UserId"),
                entity.GetString("OnBehalfOf"),
                entity.GetDateTimeOffset("ChangeTimestamp") ?? default,
                entity.GetString("Severity")));
        }
        return changes;
    }

    /// <summary>Newest first within a partition; the event id keeps equal instants apart and
    /// makes a repeated write of the same entry land on the same row.</summary>
    private static string RowKey(AlarmChange change) =>
        (DateTimeOffset.MaxValue.UtcTicks - change.Timestamp.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + change.EventId;
}
