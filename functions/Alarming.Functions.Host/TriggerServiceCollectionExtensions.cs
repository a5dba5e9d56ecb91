using Alarming.Functions.Host.Discovery;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Host.Queues;
using Alarming.Functions.Host.Settings;
using Alarming.Functions.Host.Timers;
using Alarming.Storage;

namespace Alarming.Functions.Host;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>A background listener for every timer and queue function discovered, except those
    /// disabled with the app setting <c>AzureWebJobs.&lt;name&gt;.Disabled</c>, as in Functions.</summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services, IEnumerable<FunctionDescriptor> functions,
        HostJson hostJson, IConfiguration configuration)
    {
        services.AddSingleton<TriggerActivity>();
        services.AddSingleton<FunctionInvoker>();
        foreach (var function in functions.Where(f => !IsDisabled(f, configuration)))
        {
            switch (function.TriggerType)
            {
                case "timerTrigger":
                    var schedule = NcrontabSchedule.Parse(function.Schedule!, configuration);
                    services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<TimerTriggerService>(
                        provider, function, schedule, hostJson.HostId));
                    break;
                case "queueTrigger":
                    services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<QueueTriggerService>(
                        provider, function, hostJson.Queues, provider.GetRequiredService<StorageConnection>().UndecodedQueues()));
                    break;
            }
        }
        return services;
    }

    private static bool IsDisabled(FunctionDescriptor function, IConfiguration configuration) =>
        bool.TryParse(configuration[$"AzureWebJobs.{function.Name}.Disabled"], out var disabled) && disabled;
}
