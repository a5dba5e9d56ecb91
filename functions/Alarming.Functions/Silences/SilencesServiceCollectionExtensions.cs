using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Silences;

public static class SilencesServiceCollectionExtensions
{
    /// <summary>The notifier's view of a project's silences and the resend when one ends.</summary>
    public static IServiceCollection AddSilences(this IServiceCollection services)
    {
        services.AddSingleton<ActiveSilences>();
        services.AddSingleton<SilenceExpiry>();
        return services;
    }
}
