using Azure;
using Azure.Data.Tables;

namespace Alarming.Benchmarks;

/// <summary>The storage operations of one create and one list, done directly with the SDK on
/// entities copied from a real alarm, so the sizes match.</summary>
internal sealed class RawAlarmStorage(TableServiceClient tables)
{
    private readonly TableClient alarms = tables.GetTableClient("alarms");
    private readonly TableClient alarmIds = tables.GetTableClient("alarmids");
    private readonly TableClient history = tables.GetTableClient("history");
    private readonly TableClient quotas = tables.GetTableClient("quotas");
    private TableEntity alarm = null!;
    private TableEntity change = null!;

    public async Task PrepareAsync()
    {
        alarm = await alarms.QueryAsync<TableEntity>("PartitionKey eq 'bench' and RowKey lt 'name:'", maxPerPage: 1).FirstAsync();
        change = await history.QueryAsync<TableEntity>(maxPerPage: 1).FirstAsync();
    }

    public async Task CreateAsync(int _)
    {
        var id = Guid.NewGuid().ToString();
        await quotas.GetEntityIfExistsAsync<TableEntity>("raw", "alarms");
        await alarmIds.UpsertEntityAsync(new TableEntity(id, "") { ["Partition"] = "raw" });
        var entity = new TableEntity(alarm) { PartitionKey = "raw", RowKey = id, ETag = default };
        await alarms.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, entity),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("raw", "name:" + id) { ["AlarmId"] = id }),
        ]);
        await history.UpsertEntityAsync(new TableEntity(change) { PartitionKey = id, RowKey = "0_" + id, ETag = ETag.All });
    }

    public async Task ListAsync(int _)
    {
        var count = 0;
        await foreach (var entity in alarms.QueryAsync<TableEntity>("PartitionKey eq 'bench' and RowKey lt 'name:'", maxPerPage: 1000))
        {
            count += entity.Count > 0 ? 1 : 0;
        }
        if (count != 1000)
        {
            throw new InvalidOperationException($"raw list read {count} entities");
        }
    }
}
