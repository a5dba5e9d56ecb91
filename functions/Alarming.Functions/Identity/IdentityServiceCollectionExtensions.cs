using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Alarming.Functions.Identity;

public static class IdentityServiceCollectionExtensions
{
    private static readonly Dictionary<string, Action<IServiceCollection>> Modes = new()
    {
        [AuthModes.NoAuth] = services => services.AddSingleton<ICallerAuthenticator, HeaderAuthenticator>(),
        [AuthModes.Keystone] = AddKeystone,
        [AuthModes.Entra] = AddEntra,
    };

    /// <summary>The one <see cref="ICallerAuthenticator"/> of the mode <c>Auth__Mode</c> names, with what
    /// that mode needs. Decided here, while services are registered, so a refused configuration stops
    /// both hosts before anything listens.</summary>
    /// <exception cref="IdentityConfigurationException">The settings refuse to start (fail closed).</exception>
    public static IServiceCollection AddCallerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var decision = AuthModeDecision.Decide(auth, !string.IsNullOrEmpty(configuration[AuthModeDecision.AzureMarker]));
        if (decision.Refusal is { } refusal)
        {
            throw new IdentityConfigurationException(refusal);
        }
        var invalid = new List<ValidationResult>();
        if (!Validator.TryValidateObject(auth.Keystone, new ValidationContext(auth.Keystone), invalid, validateAllProperties: true))
        {
            throw new IdentityConfigurationException($"Auth__Keystone: {string.Join("; ", invalid.Select(r => r.ErrorMessage))}");
        }
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton(decision);
        Modes[decision.Mode!](services);
        if (decision.Warning is not null)
        {
            services.AddHostedService<NoAuthWarning>();
        }
        return services;
    }

    private static void AddKeystone(IServiceCollection services)
    {
        services.AddHttpClient(KeystoneClient.HttpClientName)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("keystone", (pipeline, _) =>
            {
                // Keystone's answers take real time: the service's clock (driven in tests) must not time them.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(15))
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential })
                    .AddTimeout(TimeSpan.FromSeconds(5));
            });
        services.AddSingleton<KeystoneClient>();
        services.AddSingleton<KeystoneTokenValidator>();
        services.AddSingleton<KeystoneTokenCache>();
        services.AddSingleton<ICallerAuthenticator, KeystoneAuthenticator>();
    }

    private static void AddEntra(IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(EntraAuthenticator.Scheme, _ => { });
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, EntraTokenValidation>();
        services.AddSingleton<ICallerAuthenticator, EntraAuthenticator>();
    }
}
