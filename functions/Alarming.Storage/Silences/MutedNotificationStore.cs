using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Silences;

/// <summary><see cref="IMutedNotificationStore"/> on the <c>mutednotifications</c> table: PartitionKey =
/// silence id, RowKey = alarm id. Rows live only until their silence ends, so the table stays small.</summary>
internal sealed class MutedNotificationStore(TableClientFactory tables) : IMutedNotificationStore
{
    private TableClient Muted => tables.MutedNotifications;

    public async Task KeepAsync(MutedNotification muted, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKey.Encode(muted.SilenceId), TableKey.Encode(muted.AlarmId));
        var kept = await Muted.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["State"], cancellationToken: cancellationToken);
        if (kept.HasValue && kept.Value!.GetString("State") == muted.State)
        {
            return;
        }
        await Muted.UpsertEntityAsync(new TableEntity(partition, row)
        {
            ["SilenceId"] = muted.SilenceId, ["ProjectId"] = muted.ProjectId, ["AlarmId"] = muted.AlarmId, ["NotificationId"] = muted.NotificationId,
            ["Previous"] = muted.Previous, ["State"] = muted.State, ["Reason"] = muted.Reason, ["ReasonData"] = muted.ReasonData,
            ["MutedAt"] = muted.MutedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<MutedNotification>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<MutedNotification>();
        await foreach (var row in Muted.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(new MutedNotification(row.GetString("SilenceId"), row.GetString("ProjectId"), row.GetString("AlarmId"),
                row.GetString("NotificationId"), row.GetString("Previous"), row.GetString("State"), row.GetString("Reason"),
                row.GetString("ReasonData"), row.GetDateTimeOffset("MutedAt") ?? default, row.ETag.ToString()));
        }
        return rows;
    }

    public async Task<bool> RemoveAsync(MutedNotification muted, CancellationToken cancellationToken)
    {
        try
        {
            await Muted.DeleteEntityAsync(TableKey.Encode(muted.SilenceId), TableKey.Encode(muted.AlarmId), new ETag(muted.Version!), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }
}
