using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Silences;

/// <summary><see cref="IMutedNotificationStore"/> on the <c>mutednotifications</c> table: PartitionKey =
/// silence id, RowKey = alarm id. Rows live only until their silence ends, so the table stays small.</summary>
internal sealed class MutedNotificationStore(TableClientFactory tables) : IMutedNotificationStore
{
    private TableClient Muted => tables.MutedNotifications;

    public Task RecordAsync(MutedNotification muted, CancellationToken cancellationToken) =>
        Muted.UpsertEntityAsync(new TableEntity(TableKey.Encode(muted.SilenceId), TableKey.Encode(muted.AlarmId))
        {
            ["SilenceId"] = muted.SilenceId, ["ProjectId"] = muted.ProjectId, ["AlarmId"] = muted.AlarmId, ["Previous"] = muted.Previous,
            ["State"] = muted.State, ["Reason"] = muted.Reason, ["ReasonData"] = muted.ReasonData, ["MutedAt"] = muted.MutedAt,
            ["WindowEnds"] = muted.WindowEnds,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<MutedNotification>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<MutedNotification>();
        await foreach (var row in Muted.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(new MutedNotification(row.GetString("SilenceId"), row.GetString("ProjectId"), row.GetString("AlarmId"),
                row.GetString("Previous"), row.GetString("State"), row.GetString("Reason"), row.GetString("ReasonData"),
                row.GetDateTimeOffset("MutedAt") ?? default, row.GetDateTimeOffset("WindowEnds") ?? default, row.ETag.ToString()));
        }
        return rows;
    }

    public async Task<bool> MoveWindowAsync(MutedNotification muted, DateTimeOffset windowEnds, CancellationToken cancellationToken)
    {
        try
        {
            await Muted.UpdateEntityAsync(new TableEntity(TableKey.Encode(muted.SilenceId), TableKey.Encode(muted.AlarmId)) { ["WindowEnds"] = windowEnds },
                new ETag(muted.Version!), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
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
