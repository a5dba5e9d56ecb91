using System.Globalization;
using Alarming.Core.Metrics;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Metrics;

/// <summary><see cref="IMeasureStore"/> on the <c>measures</c> table: PartitionKey = metric id +
/// UTC day, RowKey = the timestamp's ticks, so a window is one range query per day.</summary>
internal sealed class MeasureStore(TableClientFactory tables) : IMeasureStore
{
    private TableClient Measures => tables.Measures;

    public async Task AddAsync(Guid metricId, IReadOnlyList<Measure> measures, CancellationToken cancellationToken)
    {
        // Later duplicates of a timestamp win, as a later write does in Gnocchi.
        var latest = measures.GroupBy(m => m.Timestamp.UtcTicks).Select(g => g.Last());
        foreach (var day in latest.GroupBy(m => Partition(metricId, m.Timestamp)))
        {
            foreach (var chunk in day.Chunk(100))
            {
                await Measures.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(day.Key, RowKey(m.Timestamp)) { ["Value"] = m.Value })), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<Measure>> ReadAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var measures = new List<Measure>();
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var filter = $"PartitionKey eq '{Partition(metricId, day)}' and RowKey ge '{RowKey(from)}' and RowKey lt '{RowKey(to)}'";
            await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", "Value"], cancellationToken: cancellationToken))
            {
                measures.Add(ToMeasure(entity));
            }
        }
        return measures;
    }

    public async Task<Measure?> LastBeforeAsync(Guid metricId, DateTimeOffset before, int days, CancellationToken cancellationToken)
    {
        for (var day = before.UtcDateTime.Date; day > before.UtcDateTime.Date.AddDays(-days); day = day.AddDays(-1))
        {
            Measure? last = null;
            var filter = $"PartitionKey eq '{Partition(metricId, day)}' and RowKey lt '{RowKey(before)}'";
            await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, select: ["RowKey", "Value"], cancellationToken: cancellationToken))
            {
                last = ToMeasure(entity);
            }
            if (last is not null)
            {
                return last;
            }
        }
        return null;
    }

    public async Task DeleteAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var partition = Partition(metricId, day);
            var keys = new List<string>();
            await foreach (var entity in Measures.QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(entity.RowKey);
            }
            foreach (var chunk in keys.Chunk(100))
            {
                await Measures.SubmitTransactionAsync(
                    chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))), cancellationToken);
            }
        }
    }

    public async Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var expired = new List<(string Partition, string Row)>();
        await foreach (var entity in Measures.QueryAsync<TableEntity>($"RowKey lt '{RowKey(before)}'", maxPerPage: 1000,
                           select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            expired.Add((entity.PartitionKey, entity.RowKey));
        }
        foreach (var partition in expired.GroupBy(e => e.Partition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await Measures.SubmitTransactionAsync(chunk.Select(e =>
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.Partition, e.Row))), cancellationToken);
            }
        }
        return expired.Count;
    }

    private static Measure ToMeasure(TableEntity entity) =>
        new(new DateTimeOffset(long.Parse(entity.RowKey, CultureInfo.InvariantCulture), TimeSpan.Zero), entity.GetDouble("Value") ?? double.NaN);

    private static string Partition(Guid metricId, DateTimeOffset timestamp) => Partition(metricId, timestamp.UtcDateTime);

    private static string Partition(Guid metricId, DateTime day) => metricId.ToString("N") + "_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string RowKey(DateTimeOffset timestamp) => timestamp.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
