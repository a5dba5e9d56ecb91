using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi.Quotas;
using Alarming.Functions.AlarmApi.Root;
using Alarming.Functions.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.AlarmApi;

public static class AlarmApiServiceCollectionExtensions
{
    /// <summary>The Aodh v2 alarm API: its options (validated at start), the body parser and quotas.</summary>
    public static IServiceCollection AddAlarmApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var api = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
            return new AlarmBodyParser(new AlarmRulesOptions(api.AlarmMaxActions, api.GnocchiExternalProjectOwnerId, api.PrometheusEnabled));
        });
        services.AddSingleton<AodhDialect>();
        services.TryAddSingleton(typeof(ApiRequest<>));
        services.AddSingleton<AlarmQuota>();
        services.AddSingleton<HttpRouteTable>();
        return services;
    }
}
