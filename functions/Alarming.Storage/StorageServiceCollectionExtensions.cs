using Alarming.Storage.Alarms;
using Alarming.Storage.Evaluation;
using Alarming.Storage.History;
using Alarming.Storage.Metrics;
using Alarming.Storage.Notifications;
using Alarming.Storage.Outbox;
using Alarming.Storage.Queues;
using Alarming.Storage.Silences;
using Alarming.Storage.Quotas;
using Alarming.Storage.Tables;
using Alarming.Storage.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the stores over the <c>AzureWebJobsStorage</c> account.</summary>
    public static IServiceCollection AddAlarmingStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StorageConnection>();
        services.AddSingleton<TableClientFactory>();
        services.AddSingleton<IAlarmStore, AlarmStore>();
        services.AddSingleton<IHistoryStore, HistoryStore>();
        services.AddSingleton<IQuotaStore, QuotaStore>();
        services.AddSingleton<IMetricCatalog, MetricCatalog>();
        services.AddSingleton<IMeasureStore, MeasureStore>();
        services.AddSingleton<ITickStore, TickStore>();
        services.AddSingleton<IMessageQueue, MessageQueue>();
        services.AddSingleton<ITextQueueSender, TextQueueSender>();
        services.AddSingleton<IActionOutcomeStore, ActionOutcomeStore>();
        services.AddSingleton<IDeliveryLogStore, DeliveryLogStore>();
        services.AddSingleton<ISilenceStore, SilenceStore>();
        services.AddSingleton<IMutedNotificationStore, MutedNotificationStore>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<IUsageStore, UsageStore>();
        return services;
    }
}
