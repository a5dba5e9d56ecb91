using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Metrics;

public static class MetricApiServiceCollectionExtensions
{
    /// <summary>The built-in metric store's Gnocchi v1 API: its options (validated at start) and helpers.</summary>
    public static IServiceCollection AddMetricApi(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeasureReader>();
        services.AddSingleton<MetricRequest>();
        services.AddSingleton<MetricFactory>();
        services.AddSingleton<MetricLookup>();
        return services;
    }
}
