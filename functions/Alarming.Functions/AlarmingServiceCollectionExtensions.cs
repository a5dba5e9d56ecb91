using Alarming.Core.Validation;
using Alarming.Functions.Api;
using Alarming.Functions.Api.Alarms;
using Alarming.Functions.Api.Quotas;
using Alarming.Functions.Api.Root;
using Alarming.Functions.Changes;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Metrics;
using Alarming.Functions.Notification;
using Alarming.Core.Evaluation;
using Alarming.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alarming.Functions;

public static class AlarmingServiceCollectionExtensions
{
    /// <summary>Everything the functions need. Program.cs and the local host both call this, so
    /// both run the same code.</summary>
    public static IServiceCollection AddAlarming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlarmingStorage();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var api = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
            return new AlarmBodyParser(new AlarmRulesOptions(api.AlarmMaxActions, api.GnocchiExternalProjectOwnerId, api.PrometheusEnabled));
        });
        services.AddSingleton<ApiRequest>();
        services.AddSingleton<AlarmQuota>();
        services.AddOptions<ChangeOptions>().BindConfiguration(ChangeOptions.SectionName);
        services.AddSingleton<ApiChanges>();
        services.AddSingleton<PendingChangeFinisher>();
        services.AddSingleton<HttpRouteTable>();
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeasureReader>();
        services.AddSingleton<MetricRequest>();
        services.AddSingleton<MetricFactory>();
        services.AddSingleton<MetricLookup>();
        services.AddSingleton<IMetricSource, BuiltInMetricSource>();
        services.AddSingleton<IAlarmRuleEvaluator, ThresholdEvaluator>();
        services.AddSingleton<CeilometerThresholdEvaluator>();
        services.AddSingleton<IAlarmRuleEvaluator>(provider => provider.GetRequiredService<CeilometerThresholdEvaluator>());
        services.AddSingleton<IAlarmRuleEvaluator, CompositeAlarmEvaluator>();
        services.AddSingleton<AlarmEvaluator>();
        services.AddSingleton<EvaluationFanOut>();
        // Also under Alarming: as the notification issue names it (Alarming__Notifier__AllowedNetworks); that one wins.
        services.AddOptions<NotifierOptions>().BindConfiguration(NotifierOptions.SectionName)
            .BindConfiguration("Alarming:" + NotifierOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddWebhookClients();
        services.AddSingleton<IActionNotifier, WebhookNotifier>();
        services.AddSingleton<IActionNotifier, LogNotifier>();
        services.AddSingleton<IActionNotifier, TestNotifier>();
        services.AddSingleton<IActionNotifier, QueueNotifier>();
        services.AddSingleton<TestNotificationSink>();
        services.AddSingleton<AlarmNotifier>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
