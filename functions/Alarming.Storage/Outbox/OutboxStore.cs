using Alarming.Core.Alarms;
using Alarming.Core.Usage;
using Alarming.Storage.Alarms;
using Alarming.Storage.Tables;
using Alarming.Storage.Usage;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Outbox;

/// <summary><see cref="IOutboxStore"/> on the alarms table, where outbox rows and usage counters live
/// in their alarm's partition, so completing an entry and folding its usage is one transaction.</summary>
internal sealed class OutboxStore(TableClientFactory tables) : IOutboxStore
{
    private const int MaxAttempts = 64;

    /// <summary>Every outbox row, in every partition.</summary>
    private static readonly string PendingRows =
        TableClient.CreateQueryFilter($"RowKey ge {OutboxRow.Prefix} and RowKey lt {TableKey.PrefixEnd(OutboxRow.Prefix)}");

    private TableClient Alarms => tables.Alarms;

    public async Task<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var filter = PendingRows + " and " + TableClient.CreateQueryFilter($"CreatedAt lt {createdBefore}");
        var entries = new List<OutboxEntry>();
        await foreach (var entity in Alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entries.Add(OutboxRow.ToEntry(entity));
        }
        return entries;
    }

    public async Task<IReadOnlySet<string>> ListPendingIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>();
        await foreach (var entity in Alarms.QueryAsync<TableEntity>(PendingRows, maxPerPage: 1000, select: ["EntryId"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.GetString("EntryId"));
        }
        return ids;
    }

    public async Task<OutboxEntry?> FindAsync(Alarm alarm, string entryId, CancellationToken cancellationToken)
    {
        var row = await Alarms.GetEntityIfExistsAsync<TableEntity>(AlarmPartition.Of(alarm), OutboxRow.RowKey(entryId),
            cancellationToken: cancellationToken);
        return row.HasValue ? OutboxRow.ToEntry(row.Value!) : null;
    }

    public Task CompleteAsync(OutboxEntry entry, CancellationToken cancellationToken) => TryCompleteChunkAsync([entry], cancellationToken);

    public async Task CompleteManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var partition in entries.GroupBy(OutboxRow.Partition))
        {
            // A transaction holds 100 actions: the counter and 99 deletions.
            foreach (var chunk in partition.Chunk(99))
            {
                if (!await TryCompleteChunkAsync(chunk, cancellationToken))
                {
                    // Another finisher completed one of them: complete the rest one by one.
                    foreach (var entry in chunk)
                    {
                        await TryCompleteChunkAsync([entry], cancellationToken);
                    }
                }
            }
        }
    }

    /// <returns>False when an entry of the chunk was already gone (completed by another finisher): then
    /// nothing was written; a chunk of one entry is then simply done.</returns>
    private async Task<bool> TryCompleteChunkAsync(IReadOnlyList<OutboxEntry> chunk, CancellationToken cancellationToken)
    {
        var first = chunk[0];
        var partition = OutboxRow.Partition(first);
        if (chunk.Count == 1 && first.Usage.IsZero)
        {
            await DeleteAsync(partition, OutboxRow.RowKey(first.Id), cancellationToken);
            return true;
        }
        var deletes = chunk.Select(e =>
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, OutboxRow.RowKey(e.Id)), ETag.All)).ToList();
        var usage = chunk.Aggregate(default(AlarmCounts), (sum, e) => sum + e.Usage);
        var shardKey = UsageCounterRow.ShardKey(first.AlarmId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            List<TableTransactionAction> actions = usage.IsZero
                ? deletes
                : [await CounterUpdateAsync(partition, shardKey, first.ProjectId, usage, cancellationToken), .. deletes];
            try
            {
                await Alarms.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && actions[e.FailedTransactionActionIndex ?? 0].ActionType == TableTransactionActionType.Delete)
            {
                return false;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // another entry moved the same counter first: read it again
            }
        }
        throw new InvalidOperationException($"The usage counters of project {first.ProjectId} kept changing; {chunk.Count} entries stay pending");
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

    private async Task<TableTransactionAction> CounterUpdateAsync(string partition, string shardKey, string? projectId, AlarmCounts usage,
        CancellationToken cancellationToken)
    {
        var shard = await Alarms.GetEntityIfExistsAsync<TableEntity>(partition, shardKey, cancellationToken: cancellationToken);
        if (shard.HasValue)
        {
            var counts = UsageCounterRow.Read(shard.Value!) + usage;
            return new(TableTransactionActionType.UpdateReplace, UsageCounterRow.Shard(partition, shardKey, projectId, counts),
                shard.Value!.ETag);
        }
        await tables.UsageProjects.UpsertEntityAsync(new TableEntity("", TableKey.Encode(projectId)) { ["ProjectId"] = projectId },
            TableUpdateMode.Replace, cancellationToken);
        return new(TableTransactionActionType.Add, UsageCounterRow.Shard(partition, shardKey, projectId, usage));
    }
}
