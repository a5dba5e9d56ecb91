using Alarming.Storage.Alarms;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Benchmarks;

/// <summary>The storage operations a create must make before it answers, and those of one list, done
/// directly with the SDK on entities copied from a real alarm, its outbox row and its history entry,
/// so the sizes match. Copies are written disabled, into partition <c>raw</c>, so no tick evaluates them.</summary>
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
        alarm = await alarms.QueryAsync<TableEntity>("ProjectId eq 'bench' and RowKey lt 'name:'", maxPerPage: 1).FirstAsync();
        alarm["Enabled"] = false;
        change = await history.QueryAsync<TableEntity>(maxPerPage: 1).FirstAsync();
    }

    /// <summary>Quota point read, alarmids upsert, the alarm + name + outbox-entry transaction, history upsert.</summary>
    public async Task CreateAsync(int _)
    {
        var id = Guid.NewGuid().ToString();
        await quotas.GetEntityIfExistsAsync<TableEntity>("raw", "alarms");
        await alarmIds.UpsertEntityAsync(new TableEntity(id, "") { ["Partition"] = "raw" });
        var entity = new TableEntity(alarm) { PartitionKey = "raw", RowKey = id, ETag = default };
        var entry = new TableEntity(change) { PartitionKey = "raw", RowKey = "pending:" + id, ETag = default };
        await alarms.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, entity),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("raw", "name:" + id) { ["AlarmId"] = id }),
            new TableTransactionAction(TableTransactionActionType.Add, entry),
        ]);
        await history.UpsertEntityAsync(new TableEntity(change) { PartitionKey = id, RowKey = "0_" + id, ETag = ETag.All });
    }

    public async Task ListAsync(int _)
    {
        var count = 0;
        await foreach (var entity in alarms.QueryAsync<TableEntity>(AlarmPartition.ProjectFilter("bench") + " and RowKey lt 'name:'", maxPerPage: 1000))
        {
            count += entity.Count > 0 ? 1 : 0;
        }
        if (count == 0)
        {
            throw new InvalidOperationException("raw list read no entities");
        }
    }
}
