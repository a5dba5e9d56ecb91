using Alarming.Functions.Host;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Host.Settings;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Benchmarks;

/// <summary>The local host in-process on a free port, on a fresh in-memory Azurite or on one the caller keeps,
/// with an HTTP client acting as one project's admin.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly bool ownsAzurite;

    private BenchmarkHost(AzuriteProcess azurite, bool ownsAzurite, WebApplication app, HttpClient http)
    {
        Azurite = azurite;
        this.ownsAzurite = ownsAzurite;
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
        var azurite = await StartAzuriteAsync();
        if (beforeHost is not null)
        {
            await beforeHost(azurite.ConnectionString);
        }
        return await StartHostAsync(azurite, ownsAzurite: true, time, settings);
    }

    /// <summary>The host on an Azurite the caller keeps: disposing the host leaves it running, with what the host stored.</summary>
    public static Task<BenchmarkHost> StartOnAsync(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartHostAsync(azurite, ownsAzurite: false, time: null, settings);

    public static Task<AzuriteProcess> StartAzuriteAsync() => AzuriteProcess.StartOnFreePortsAsync(ProjectRoot());

    private static string ProjectRoot() =>
        ProjectDirectory.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");

    private static async Task<BenchmarkHost> StartHostAsync(AzuriteProcess azurite, bool ownsAzurite, TimeProvider? time,
        IReadOnlyDictionary<string, string?>? settings)
    {
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
            ProjectDirectory = ProjectRoot(),
            Port = port,
            Settings = all,
            Time = time,
        });
        await app.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Project-Id", "bench");
        http.DefaultRequestHeaders.Add("X-User-Id", "bench-user");
        return new BenchmarkHost(azurite, ownsAzurite, app, http);
    }

    /// <summary>Waits until no trigger invocation runs and <c>alarm-evaluate</c> is empty: the tick is done.</summary>
    public Task WaitForEvaluationIdleAsync() => WaitForIdleAsync(QueueNames.Evaluate);

    /// <summary>Waits until no trigger invocation runs and <paramref name="queueName"/> is empty.</summary>
    public async Task WaitForIdleAsync(string queueName)
    {
        var activity = App.Services.GetRequiredService<TriggerActivity>();
        var queue = new QueueClient(Storage, queueName);
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
        if (ownsAzurite)
        {
            await Azurite.DisposeAsync();
        }
    }
}
