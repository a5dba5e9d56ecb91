using Alarming.Functions.Http;
using Alarming.Functions.MetricApi.Aggregates;
using Alarming.Functions.MetricApi.Measures;
using Alarming.Functions.MetricApi.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alarming.Functions.MetricApi;

public static class MetricApiServiceCollectionExtensions
{
    /// <summary>The built-in metric store's Gnocchi v1 API: its options (validated at start) and helpers.</summary>
    public static IServiceCollection AddMetricApi(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeasureReader>();
        services.AddSingleton<AggregateSeriesResolver>();
        services.AddSingleton<GnocchiDialect>();
        services.TryAddSingleton(typeof(ApiRequest<>));
        services.AddSingleton<MetricFactory>();
        services.AddSingleton<MetricLookup>();
        return services;
    }
}
