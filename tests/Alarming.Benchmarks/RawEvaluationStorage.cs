using Alarming.Storage.Metrics;
using Azure.Data.Tables;

namespace Alarming.Benchmarks;

/// <summary>The raw Azurite rates of what evaluation reads and writes, done directly with the SDK:
/// point reads of alarm rows, point reads of the measure block holding a tick's window, and
/// alarm rows read and replaced conditionally on the version read (rewritten unchanged).</summary>
internal sealed class RawEvaluationStorage(TableServiceClient tables)
{
    private readonly RawAlarmStorage creates = new(tables);
    private readonly TableClient alarms = tables.GetTableClient("alarms");
    private readonly TableClient measures = tables.GetTableClient("measures");

    public Task PrepareAsync() => creates.PrepareAsync();

    public Task CreateAsync(int i) => creates.CreateAsync(i);

    public async Task<(double Reads, double Windows, double Writes)> RatesAsync(IReadOnlyList<Guid> metrics, DateTimeOffset tick, int concurrency)
    {
        var keys = new List<(string Partition, string Row)>();
        await foreach (var alarm in alarms.QueryAsync<TableEntity>("ProjectId eq 'bench' and RowKey lt 'name:'", select: ["PartitionKey", "RowKey"]))
        {
            keys.Add((alarm.PartitionKey, alarm.RowKey));
        }
        var sample = Math.Min(keys.Count, 2000);
        var reads = await Measure.RunAsync(sample, concurrency, async i => await alarms.GetEntityAsync<TableEntity>(keys[i].Partition, keys[i].Row));
        var hour = MeasureBlock.StartOf(tick.AddMinutes(-5));
        var windows = await Measure.RunAsync(sample, concurrency, async i =>
            await measures.GetEntityAsync<TableEntity>(MeasureBlock.Partition(metrics[i % metrics.Count], hour), MeasureBlock.RowKey(hour)));
        var writes = await Measure.RunAsync(sample, concurrency, async i =>
        {
            var entity = (await alarms.GetEntityAsync<TableEntity>(keys[i].Partition, keys[i].Row)).Value;
            await alarms.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);
        });
        return (reads, windows, writes);
    }
}
