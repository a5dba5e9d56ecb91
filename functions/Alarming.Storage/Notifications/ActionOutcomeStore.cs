using System.Globalization;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Notifications;

/// <summary><see cref="IActionOutcomeStore"/> on the <c>notifications</c> table: PartitionKey =
/// notification id, RowKey = the action's index in the list, or <c>claim</c> for the worker at it.</summary>
internal sealed class ActionOutcomeStore(TableClientFactory tables) : IActionOutcomeStore
{
    /// <remarks>Sorts after the digits of the outcome rows.</remarks>
    private const string ClaimRow = "claim";

    public async Task<IReadOnlyList<ActionOutcome>> ListAsync(string notificationId, CancellationToken cancellationToken)
    {
        var outcomes = new List<ActionOutcome>();
        await foreach (var entity in tables.Notifications.QueryAsync<TableEntity>(
                           $"PartitionKey eq {TableKey.Quote(TableKey.Encode(notificationId))} and RowKey lt {TableKey.Quote(ClaimRow)}",
                           cancellationToken: cancellationToken))
        {
            outcomes.Add(new ActionOutcome(int.Parse(entity.RowKey, CultureInfo.InvariantCulture), entity.GetString("Action"),
                entity.GetString("Status"), entity.GetString("Detail"), entity.GetDateTimeOffset("At") ?? default));
        }
        return outcomes;
    }

    public Task RecordAsync(string notificationId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        tables.Notifications.UpsertEntityAsync(new TableEntity(TableKey.Encode(notificationId), outcome.Index.ToString("D3", CultureInfo.InvariantCulture))
        {
            ["Action"] = outcome.Action,
            ["Status"] = outcome.Status,
            ["Detail"] = outcome.Detail,
            ["At"] = outcome.At,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> TryClaimAsync(string notificationId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(TableKey.Encode(notificationId), ClaimRow) { ["Until"] = until };
        try
        {
            await tables.Notifications.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        var held = await tables.Notifications.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, ClaimRow, cancellationToken: cancellationToken);
        if (held.HasValue && held.Value!.GetDateTimeOffset("Until") > now)
        {
            return false;
        }
        try
        {
            // The holder's claim lapsed (it died) or was released just now: take over, unless a third worker is faster.
            if (held.HasValue)
            {
                await tables.Notifications.UpdateEntityAsync(claim, held.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await tables.Notifications.AddEntityAsync(claim, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409 or 404)
        {
            return false;
        }
    }

    public Task ReleaseAsync(string notificationId, CancellationToken cancellationToken) =>
        tables.Notifications.DeleteEntityAsync(TableKey.Encode(notificationId), ClaimRow, cancellationToken: cancellationToken);
}
