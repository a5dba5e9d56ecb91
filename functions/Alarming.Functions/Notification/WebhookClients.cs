using System.Net;
using System.Reflection;
using Alarming.Core.Notification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Alarming.Functions.Notification;

/// <summary>The two named HTTP clients webhooks use (TLS verified, and not, for actions that ask
/// with <c>aodh-alarm-ssl-verify=0</c>): guarded connections, no proxy, no automatic redirects,
/// and a resilience pipeline of Aodh's connection retries. The timeout is the notifier's: it runs
/// on real time, while the pipeline would take the service's (in tests, driven) TimeProvider.</summary>
internal static class WebhookClients
{
    public const string Verified = "webhook";
    public const string Unverified = "webhook-unverified";

    public static readonly string UserAgent =
        "alarming/" + (typeof(WebhookClients).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    public static IServiceCollection AddWebhookClients(this IServiceCollection services)
    {
        services.AddSingleton(provider => new GuardedConnector(
            DestinationPolicy.Parse(provider.GetRequiredService<IOptions<NotifierOptions>>().Value.AllowedNetworks)));
        foreach (var (name, verify) in new[] { (Verified, true), (Unverified, false) })
        {
            services.AddHttpClient(name, client =>
                {
                    client.Timeout = Timeout.InfiniteTimeSpan;  // the notifier's timeout applies
                    client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                })
                .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider, verify))
                .AddResilienceHandler("webhook", AddConnectionRetries);
        }
        return services;
    }

    private static SocketsHttpHandler CreateHandler(IServiceProvider provider, bool verify)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = provider.GetRequiredService<GuardedConnector>().ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (!verify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        return handler;
    }

    private static void AddConnectionRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<NotifierOptions>>().Value;
        if (options.RestMaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RestMaxRetries,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(IsConnectionFailure(args.Outcome.Exception)),
            });
        }
    }

    /// <summary>Only failures before anything was sent, as urllib3's connect retries: never a
    /// refused destination, never an answer.</summary>
    private static bool IsConnectionFailure(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } e &&
        e.InnerException is not DestinationRefusedException;
}
