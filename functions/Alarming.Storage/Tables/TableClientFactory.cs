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
        Metrics = service.GetTableClient(options.Value.MetricsTable);
        Resources = service.GetTableClient(options.Value.ResourcesTable);
        Measures = service.GetTableClient(options.Value.MeasuresTable);
        ArchivePolicies = service.GetTableClient(options.Value.ArchivePoliciesTable);
        Ticks = service.GetTableClient(options.Value.TicksTable);
        ResourceTypes = service.GetTableClient(options.Value.ResourceTypesTable);
        Notifications = service.GetTableClient(options.Value.NotificationsTable);
        UsageProjects = service.GetTableClient(options.Value.UsageProjectsTable);
        Deliveries = service.GetTableClient(options.Value.DeliveriesTable);
        Silences = service.GetTableClient(options.Value.SilencesTable);
        MutedNotifications = service.GetTableClient(options.Value.MutedNotificationsTable);
    }

    public TableClient Alarms { get; }
    public TableClient AlarmIds { get; }
    public TableClient History { get; }
    public TableClient Quotas { get; }
    public TableClient Metrics { get; }
    public TableClient Resources { get; }
    public TableClient Measures { get; }
    public TableClient ArchivePolicies { get; }
    public TableClient Ticks { get; }
    public TableClient ResourceTypes { get; }
    public TableClient Notifications { get; }
    public TableClient UsageProjects { get; }
    public TableClient Deliveries { get; }
    public TableClient Silences { get; }
    public TableClient MutedNotifications { get; }

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Alarms, AlarmIds, History, Quotas, Metrics, Resources, Measures, ArchivePolicies, Ticks, ResourceTypes, Notifications, UsageProjects, Deliveries, Silences, MutedNotifications })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
