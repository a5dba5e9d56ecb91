using Alarming.Functions.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>What every alarm write records beyond the alarm: history, change events and usage,
    /// through the outbox and its finisher.</summary>
    public static IServiceCollection AddAlarmChanges(this IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChangeOptions>().BindConfiguration(ChangeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiChanges>();
        services.AddSingleton<OutboxFinisher>();
        services.AddSingleton<DeferredOutboxFinisher>();
        services.AddHostedService(provider => provider.GetRequiredService<DeferredOutboxFinisher>());
        return services;
    }
}
