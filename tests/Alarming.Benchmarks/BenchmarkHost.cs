using Alarming.Functions.Host;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Host.Settings;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Benchmarks;

/// <summary>A fresh in-memory Azurite and the local host in-process on free ports, with an HTTP
/// client acting as one project's admin.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(AzuriteProcess azurite, WebApplication app, HttpClient http)
    {
        Azurite = azurite;
        App = app;
        Http = http;
    }

    public AzuriteProcess Azurite { get; }
    public WebApplication App { get; }
    public HttpClient Http { get; }
    public string Storage => Azurite.ConnectionString;

    /// <param name="settings">Settings over the defaults (host.json overrides, notifier options...).</param>
    /// <param name="beforeHost">Runs against the fresh Azurite before the host starts (to fill a queue, say).</param>
    public static async Task<BenchmarkHost> StartAsync(TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null,
        Func<string, Task>? beforeHost = null)
    {
        var projectDirectory = ProjectDirectory.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        var azurite = await AzuriteProcess.StartOnFreePortsAsync(projectDirectory);
        if (beforeHost is not null)
        {
            await beforeHost(azurite.ConnectionString);
        }
        var port = AzuriteProcess.FreePort();
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            // Poll the queues as a busy Function App does, so idle polling does not pad the figures.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions
        {
            ProjectDirectory = projectDirectory,
            Port = port,
            Settings = all,
            Time = time,
        });
        await app.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Project-Id", "bench");
        http.DefaultRequestHeaders.Add("X-User-Id", "bench-user");
        return new BenchmarkHost(azurite, app, http);
    }

    /// <summary>Waits until no trigger invocation runs and <c>alarm-evaluate</c> is empty: the tick is done.</summary>
    public async Task WaitForEvaluationIdleAsync()
    {
        var activity = App.Services.GetRequiredService<TriggerActivity>();
        var queue = new QueueClient(Storage, QueueNames.Evaluate);
        for (var quiet = 0; quiet < 2;)
        {
            await Task.Delay(50);
            var idle = activity.InFlight == 0 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
