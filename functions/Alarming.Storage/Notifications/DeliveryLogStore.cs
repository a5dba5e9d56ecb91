using System.Globalization;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Notifications;

/// <summary><see cref="IDeliveryLogStore"/> on the <c>deliveries</c> table: PartitionKey = alarm id,
/// RowKey = inverted start time, then notification id, action index and inverted attempt, so a partition reads
/// newest first (a later attempt first, even within one clock reading).</summary>
internal sealed class DeliveryLogStore(TableClientFactory tables) : IDeliveryLogStore
{
    private TableClient Deliveries => tables.Deliveries;

    public async Task AddAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        await Deliveries.UpsertEntityAsync(new TableEntity(TableKey.Encode(record.AlarmId), Key(record))
        {
            ["ProjectId"] = record.ProjectId, ["NotificationId"] = record.NotificationId, ["Attempt"] = record.Attempt,
            ["ActionIndex"] = record.ActionIndex, ["Action"] = record.Action, ["Previous"] = record.Previous, ["Current"] = record.Current,
            ["StartedAt"] = record.StartedAt, ["DurationMs"] = record.DurationMs, ["Outcome"] = record.Outcome,
            ["StatusCode"] = record.StatusCode, ["Error"] = record.Error,
            ["SilenceId"] = record.SilenceId,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alarmId, string? projectId, int limit, string? after, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKey.Quote(TableKey.Encode(alarmId))}";
        if (projectId is not null)
        {
            filter += $" and ProjectId eq {TableKey.Quote(projectId)}";
        }
        if (after is not null)
        {
            filter += $" and RowKey gt {TableKey.Quote(after)}";
        }
        var records = new List<DeliveryRecord>();
        await foreach (var row in Deliveries.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            records.Add(From(alarmId, row));
            if (records.Count == limit)
            {
                break;
            }
        }
        return records;
    }

    public Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Deliveries.DeleteWhereAsync(TableClient.CreateQueryFilter($"StartedAt lt {before}"), cancellationToken);

    public async Task<bool> ExistsAsync(string alarmId, string key, CancellationToken cancellationToken) =>
        (await Deliveries.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(alarmId), key, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public string Key(DeliveryRecord record) =>
        (DateTimeOffset.MaxValue.UtcTicks - record.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" +
        TableKey.Encode(record.NotificationId) + "_" + record.ActionIndex.ToString("D3", CultureInfo.InvariantCulture) + "_" +
        (999 - record.Attempt).ToString("D3", CultureInfo.InvariantCulture);

    private static DeliveryRecord From(string alarmId, TableEntity row) => new(alarmId, row.GetString("ProjectId"),
        row.GetString("NotificationId"), row.GetInt32("Attempt") ?? 1, row.GetInt32("ActionIndex") ?? 0, row.GetString("Action"),
        row.GetString("Previous"), row.GetString("Current"), row.GetDateTimeOffset("StartedAt") ?? default, row.GetInt64("DurationMs") ?? 0,
        row.GetString("Outcome"), row.GetInt32("StatusCode"), row.GetString("Error"), row.GetString("SilenceId"));
}
