using Alarming.Functions.AlarmApi;
using Alarming.Functions.Changes;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Events;
using Alarming.Functions.Identity;
using Alarming.Functions.MetricApi;
using Alarming.Functions.Notification;
using Alarming.Functions.Silences;
using Alarming.Storage;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alarming.Functions;

public static class AlarmingServiceCollectionExtensions
{
    /// <summary>Everything the functions need, one registration per feature. Program.cs and the local
    /// host both call this, so both run the same code.</summary>
    /// <exception cref="IdentityConfigurationException">The identity settings refuse to start.</exception>
    public static IServiceCollection AddAlarming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCallerIdentity(configuration);
        services.AddAlarmingStorage();
        services.TryAddSingleton(TimeProvider.System);
        // Queue messages bind with the same convention they are written with (snake_case).
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(StorageJson.Options));
        services.AddAlarmApi();
        services.AddMetricApi();
        services.AddAlarmChanges();
        services.AddAlarmEvaluation();
        services.AddAlarmNotification();
        services.AddAlarmEvents();
        services.AddSilences();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
