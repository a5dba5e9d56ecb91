using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Alarming.Storage.Tables;

/// <summary>The service's tables, one client each, made once.</summary>
public sealed class TableClientFactory
{
    public TableClientFactory(StorageConnection connection, IOptions<StorageOptions> options)
    {
        var service = connection.Tables();
        Alarms = service.GetTableClient(options.Value.AlarmsTable);
        AlarmIds = service.GetTableClient(options.Value.AlarmIdsTable);
        History = service.GetTableClient(options.Value.HistoryTable);
        Quotas = service.GetTableClient(options.Value.QuotasTable);
    }

    public TableClient Alarms { get; }
    public TableClient AlarmIds { get; }
    public TableClient History { get; }
    public TableClient Quotas { get; }

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Alarms, AlarmIds, History, Quotas })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
