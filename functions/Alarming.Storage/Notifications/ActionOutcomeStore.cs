using System.Globalization;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Notifications;

/// <summary><see cref="IActionOutcomeStore"/> on the <c>notifications</c> table: PartitionKey =
/// notification id, RowKey = the action's index in the list, or <c>claim</c> for the worker at it (kept, ended, between passes).</summary>
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

    public Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        tables.Notifications.DeleteWhereAsync(TableClient.CreateQueryFilter($"At lt {before} or Until lt {before}"), cancellationToken);

    public Task RecordAsync(string notificationId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        tables.Notifications.UpsertEntityAsync(new TableEntity(TableKey.Encode(notificationId), outcome.Index.ToString("D3", CultureInfo.InvariantCulture))
        {
            ["Action"] = outcome.Action,
            ["Status"] = outcome.Status,
            ["Detail"] = outcome.Detail,
            ["At"] = outcome.At,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<NotificationClaim?> TryClaimAsync(string notificationId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(TableKey.Encode(notificationId), ClaimRow) { ["Until"] = until, ["Passes"] = 1 };
        try
        {
            return new NotificationClaim((await tables.Notifications.AddEntityAsync(claim, cancellationToken)).Headers.ETag?.ToString() ?? ETag.All.ToString(), 1);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        var held = await tables.Notifications.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, ClaimRow, cancellationToken: cancellationToken);
        if (held.HasValue && held.Value!.GetDateTimeOffset("Until") > now)
        {
            return null;
        }
        var pass = (held.HasValue ? held.Value!.GetInt32("Passes") ?? 1 : 0) + 1;
        claim["Passes"] = pass;
        try
        {
            // Released (a pass ended) or lapsed (its worker died): take over, unless a third worker is faster.
            var taken = held.HasValue
                ? await tables.Notifications.UpdateEntityAsync(claim, held.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                : await tables.Notifications.AddEntityAsync(claim, cancellationToken);
            return new NotificationClaim(taken.Headers.ETag?.ToString() ?? ETag.All.ToString(), pass);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409 or 404)
        {
            return null;
        }
    }

    /// <remarks>The row stays, ended at <paramref name="now"/>, so the next pass knows its number and expiry knows its age.</remarks>
    public async Task ReleaseAsync(string notificationId, string version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Notifications.UpdateEntityAsync(new TableEntity(TableKey.Encode(notificationId), ClaimRow) { ["Until"] = now },
                new ETag(version), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Another worker took the lapsed claim over; it is theirs to release.
        }
    }
}
