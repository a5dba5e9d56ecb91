using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Discovery;
using Alarming.Functions.Host.Http;
using Alarming.Functions.Host.Settings;
using Alarming.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace Alarming.Functions.Host;

/// <summary>Runs the functions of Alarming.Functions with Azure Functions' trigger semantics, for
/// machines without Core Tools.</summary>
internal static class LocalFunctionsHost
{
    public const int DefaultPort = 7071;

    public static IReadOnlyList<FunctionDescriptor> Functions { get; } =
        FunctionCatalog.Discover(typeof(AlarmingServiceCollectionExtensions).Assembly);

    public static async Task<WebApplication> BuildAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        var projectDirectory = options.ProjectDirectory ?? ProjectDirectory.Find();
        var localSettings = LocalSettings.Load(projectDirectory);
        var builder = CreateBuilder(options, localSettings);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), builder.Configuration);

        AzuriteProcess? azurite = null;
        if (builder.Configuration[StorageConnection.SettingName] == DevelopmentStorageStarter.ConnectionString)
        {
            azurite = await DevelopmentStorageStarter.EnsureRunningAsync(projectDirectory, cancellationToken);
        }

        ConfigureHost(builder, options, localSettings, hostJson);
        var app = builder.Build();
        if (azurite is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }
        app.Use((context, next) =>
        {
            // Functions caps nothing below Kestrel's limit; the API applies its own body limit.
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            return next(context);
        });
        app.MapHttpFunctions(Functions, hostJson.RoutePrefix);
        return app;
    }

    /// <summary>Settings in Functions' precedence: local.settings.json, then the environment, then the caller's.</summary>
    private static WebApplicationBuilder CreateBuilder(LocalHostOptions options, LocalSettings localSettings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(localSettings.AsConfiguration())
            .AddEnvironmentVariables()
            .AddInMemoryCollection(options.Settings);
        return builder;
    }

    private static void ConfigureHost(WebApplicationBuilder builder, LocalHostOptions options, LocalSettings localSettings, HostJson hostJson)
    {
        var port = options.Port ?? builder.Configuration.GetValue<int?>("Host:LocalHttpPort") ?? localSettings.LocalHttpPort ?? DefaultPort;
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddMvcCore();
        if (options.Time is not null)
        {
            builder.Services.AddSingleton(options.Time);
        }
        builder.Services.AddAlarming(builder.Configuration);
        builder.Services.AddTriggers(Functions, hostJson, builder.Configuration);
    }
}
