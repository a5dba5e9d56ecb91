using Alarming.Storage.Tables;
using Alarming.Storage.Usage;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Outbox;

/// <summary><see cref="IOutboxStore"/> on the alarms table, where outbox rows and usage counters live
/// in their project's partition, so completing an entry and folding its usage is one transaction.</summary>
internal sealed class OutboxStore(TableClientFactory tables) : IOutboxStore
{
    private const int MaxAttempts = 64;

    private TableClient Alarms => tables.Alarms;

    public async Task<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxRow.Prefix} and RowKey lt {TableKey.PrefixEnd(OutboxRow.Prefix)} and CreatedAt lt {createdBefore}");
        var entries = new List<OutboxEntry>();
        await foreach (var entity in Alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entries.Add(OutboxRow.ToEntry(entity));
        }
        return entries;
    }

    public async Task<OutboxEntry?> FindAsync(string? projectId, string entryId, CancellationToken cancellationToken)
    {
        var row = await Alarms.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(projectId), OutboxRow.RowKey(entryId),
            cancellationToken: cancellationToken);
        return row.HasValue ? OutboxRow.ToEntry(row.Value!) : null;
    }

    public async Task CompleteAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(entry.ProjectId);
        var rowKey = OutboxRow.RowKey(entry.Id);
        if (entry.Usage.IsZero)
        {
            await DeleteAsync(partition, rowKey, cancellationToken);
            return;
        }
        var delete = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All);
        var shardKey = UsageCounterRow.ShardKey(entry.AlarmId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var counter = await CounterUpdateAsync(partition, shardKey, entry, cancellationToken);
            try
            {
                await Alarms.SubmitTransactionAsync([counter, delete], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 1 && e.Status == 404)
            {
                return;  // another finisher completed it
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // another entry moved the same counter first: read it again
            }
        }
        throw new InvalidOperationException($"The usage counters of project {entry.ProjectId} kept changing; entry {entry.Id} stays pending");
    }

    private async Task DeleteAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Alarms.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // another finisher completed it
        }
    }

    private async Task<TableTransactionAction> CounterUpdateAsync(string partition, string shardKey, OutboxEntry entry,
        CancellationToken cancellationToken)
    {
        var shard = await Alarms.GetEntityIfExistsAsync<TableEntity>(partition, shardKey, cancellationToken: cancellationToken);
        if (shard.HasValue)
        {
            var counts = UsageCounterRow.Read(shard.Value!) + entry.Usage;
            return new(TableTransactionActionType.UpdateReplace, UsageCounterRow.Shard(partition, shardKey, entry.ProjectId, counts),
                shard.Value!.ETag);
        }
        await tables.UsageProjects.UpsertEntityAsync(new TableEntity("", partition) { ["ProjectId"] = entry.ProjectId },
            TableUpdateMode.Replace, cancellationToken);
        return new(TableTransactionActionType.Add, UsageCounterRow.Shard(partition, shardKey, entry.ProjectId, entry.Usage));
    }
}
