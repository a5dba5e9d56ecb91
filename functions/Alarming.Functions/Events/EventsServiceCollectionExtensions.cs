using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The event intake (HTTP and queue) and the event evaluator.</summary>
    public static IServiceCollection AddAlarmEvents(this IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.SectionName);
        services.AddSingleton<EventIntakeSecret>();
        services.AddSingleton<EventEvaluator>();
        return services;
    }
}
