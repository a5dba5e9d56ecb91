using Alarming.Core.Metrics;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Metrics;

/// <summary><see cref="IMeasureStore"/> on the <c>measures</c> table: one row per metric and UTC hour,
/// a <see cref="MeasureBlock"/> packing that hour's points (PartitionKey = metric id + UTC day,
/// RowKey = the hour's start ticks).</summary>
/// <remarks>Azurite answers every query by scanning the whole table, while a point read costs only
/// its partition. An evaluation's window lies within one or two hours, so it is one or two point
/// reads; and a row per hour instead of per measure keeps the table, and each scan of it, small.
/// A block is rewritten whole, conditionally on the ETag it was read with, so concurrent writers of
/// one hour lose nothing. Expiry and deletion work in whole hours.</remarks>
internal sealed class MeasureStore(TableClientFactory tables) : IMeasureStore
{
    /// <remarks>Up to this many hours a read is concurrent point reads; more are one range query.</remarks>
    private const int MaxPointReads = 4;

    /// <remarks>A writer's conflict means another writer got through, so this many writers of one hour all do.</remarks>
    private const int MaxAttempts = 16;

    private const int MaxTransactionActions = 100;

    /// <remarks>A transaction's body holds at most 4 MiB, in which binary travels as base64.</remarks>
    private const int MaxTransactionPoints = 2 * 1024 * 1024 / MeasureBlock.PointBytes;

    private TableClient Measures => tables.Measures;

    public async Task AddAsync(Guid metricId, IReadOnlyList<Measure> measures, CancellationToken cancellationToken)
    {
        foreach (var day in measures.GroupBy(m => MeasureBlock.StartOf(m.Timestamp)).GroupBy(hour => hour.Key.UtcDateTime.Date))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await WriteDayAsync(metricId, [.. day], cancellationToken);
                    break;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
                {
                    // A block changed since it was read. Merging the day again is harmless for blocks
                    // already written; a random pause keeps the writers from meeting again.
                    await Task.Delay(Random.Shared.Next(10 * attempt), cancellationToken);
                }
            }
        }
    }

    /// <summary>Merges one day's measures, grouped by hour, into their blocks: each is added, or
    /// replaced if unchanged since read.</summary>
    private async Task WriteDayAsync(Guid metricId, IReadOnlyList<IGrouping<DateTimeOffset, Measure>> hours, CancellationToken cancellationToken)
    {
        var stored = await ReadBlocksAsync(metricId, hours.Select(h => h.Key), cancellationToken);
        var actions = hours.Zip(stored, (hour, row) =>
        {
            var merged = MeasureBlock.ToRow(metricId, hour.Key, MeasureBlock.Merge(row is null ? [] : MeasureBlock.Points(row), hour));
            return row is null
                ? new TableTransactionAction(TableTransactionActionType.Add, merged)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, merged, row.ETag);
        }).ToList();
        foreach (var transaction in Transactions(actions))
        {
            await SubmitAsync(transaction, cancellationToken);
        }
    }

    /// <summary>A day's writes in as few transactions as their body limit allows (its 24 blocks
    /// are well within a transaction's 100 actions).</summary>
    private static IEnumerable<List<TableTransactionAction>> Transactions(IEnumerable<TableTransactionAction> actions)
    {
        List<TableTransactionAction> transaction = [];
        var points = 0;
        foreach (var action in actions)
        {
            var size = MeasureBlock.Count((TableEntity)action.Entity);
            if (transaction.Count > 0 && points + size > MaxTransactionPoints)
            {
                yield return transaction;
                (transaction, points) = ([], 0);
            }
            transaction.Add(action);
            points += size;
        }
        if (transaction.Count > 0)
        {
            yield return transaction;
        }
    }

    /// <remarks>A transaction of one write would be a multipart request for nothing.</remarks>
    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions is not [var single])
        {
            await Measures.SubmitTransactionAsync(actions, cancellationToken);
        }
        else if (single.ActionType == TableTransactionActionType.Add)
        {
            await Measures.AddEntityAsync(single.Entity, cancellationToken);
        }
        else
        {
            await Measures.UpdateEntityAsync(single.Entity, single.ETag, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Measure>> ReadAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return [];
        }
        var first = MeasureBlock.StartOf(from);
        var last = MeasureBlock.StartOf(to.AddTicks(-1));
        var hours = (int)((last - first) / MeasureBlock.Length) + 1;
        var rows = hours <= MaxPointReads
            ? await ReadBlocksAsync(metricId, Enumerable.Range(0, hours).Select(i => first + (i * MeasureBlock.Length)), cancellationToken)
            : await QueryBlocksAsync(metricId, first, last, cancellationToken);
        return rows.OfType<TableEntity>().SelectMany(MeasureBlock.Points).Where(m => m.Timestamp >= from && m.Timestamp < to).ToList();
    }

    public async Task<Measure?> LastBeforeAsync(Guid metricId, DateTimeOffset before, int days, CancellationToken cancellationToken)
    {
        var hour = MeasureBlock.StartOf(before);
        var today = new DateTimeOffset(before.UtcDateTime.Date, TimeSpan.Zero);
        for (var day = today; day > today.AddDays(-days); day = day.AddDays(-1))
        {
            // Usually the measure is in the hour of `before` itself, one point read away.
            var found = day == today ? LastBefore(await ReadBlocksAsync(metricId, [hour], cancellationToken), before) : null;
            var lastHour = day == today ? hour - MeasureBlock.Length : day.AddDays(1) - MeasureBlock.Length;
            if (found is null && lastHour >= day)
            {
                found = LastBefore(await QueryBlocksAsync(metricId, day, lastHour, cancellationToken), before);
            }
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    private static Measure? LastBefore(IEnumerable<TableEntity?> rows, DateTimeOffset before) =>
        rows.OfType<TableEntity>().SelectMany(MeasureBlock.Points).Where(m => m.Timestamp < before).Select(m => (Measure?)m).LastOrDefault();

    public async Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await DeleteBlocksAsync(TableClient.CreateQueryFilter($"RowKey le {MeasureBlock.RowKey(before - MeasureBlock.Length)}"), cancellationToken);

    public async Task DeleteAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to > from)
        {
            await DeleteBlocksAsync(BlocksFilter(metricId, MeasureBlock.StartOf(from), MeasureBlock.StartOf(to.AddTicks(-1))), cancellationToken);
        }
    }

    /// <summary>The blocks of <paramref name="hours"/>, by concurrent point reads; <c>null</c> where there is none.</summary>
    private async Task<IReadOnlyList<TableEntity?>> ReadBlocksAsync(Guid metricId, IEnumerable<DateTimeOffset> hours, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(hours.Select(hour => Measures.GetEntityIfExistsAsync<TableEntity>(
            MeasureBlock.Partition(metricId, hour), MeasureBlock.RowKey(hour), cancellationToken: cancellationToken)));
        return [.. reads.Select(read => read.HasValue ? read.Value : null)];
    }

    /// <summary>The metric's blocks of the hours <paramref name="first"/> to <paramref name="last"/>, in time order.</summary>
    private async Task<IReadOnlyList<TableEntity?>> QueryBlocksAsync(Guid metricId, DateTimeOffset first, DateTimeOffset last,
        CancellationToken cancellationToken) =>
        await Measures.QueryAsync<TableEntity>(BlocksFilter(metricId, first, last), maxPerPage: 1000, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    /// <remarks>One range over the day partitions, which sort by day after the metric id: one query however many days.</remarks>
    private static string BlocksFilter(Guid metricId, DateTimeOffset first, DateTimeOffset last) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {MeasureBlock.Partition(metricId, first)} and PartitionKey le {MeasureBlock.Partition(metricId, last)}") +
        " and " + TableClient.CreateQueryFilter($"RowKey ge {MeasureBlock.RowKey(first)} and RowKey le {MeasureBlock.RowKey(last)}");

    /// <summary>Deletes the blocks <paramref name="filter"/> selects, each only if unchanged since read;
    /// returns how many measures they held.</summary>
    private async Task<int> DeleteBlocksAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = await Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", "Count"],
            cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var transaction in rows.GroupBy(r => r.PartitionKey).SelectMany(partition => partition.Chunk(MaxTransactionActions)))
        {
            try
            {
                await Measures.SubmitTransactionAsync(
                    transaction.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken);
                deleted += transaction.Sum(MeasureBlock.Count);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // A block of this transaction changed or went since it was read: left, uncounted, for a later expiry.
            }
        }
        return deleted;
    }
}
