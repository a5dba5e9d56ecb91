using System.Globalization;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Notifications;

/// <summary><see cref="IActionOutcomeStore"/> on the <c>notifications</c> table: PartitionKey =
/// notification id, RowKey = the action's index in the list.</summary>
internal sealed class ActionOutcomeStore(TableClientFactory tables) : IActionOutcomeStore
{
    public async Task<IReadOnlyList<ActionOutcome>> ListAsync(string notificationId, CancellationToken cancellationToken)
    {
        var outcomes = new List<ActionOutcome>();
        await foreach (var entity in tables.Notifications.QueryAsync<TableEntity>(
                           $"PartitionKey eq {TableKey.Quote(TableKey.Encode(notificationId))}", cancellationToken: cancellationToken))
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
}
