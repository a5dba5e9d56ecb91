using Alarming.Functions.Evaluation;
using Alarming.Functions.Host;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Host.Settings;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A class fixture owning its own Azurite (free ports, in memory) and the local host
/// in-process on a free Kestrel port, with a fake clock. One per test class, so parallel classes
/// share no storage or clock; tests take a fresh project id instead of wiping tables.</summary>
public class AlarmingHostFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;
    private WebApplication? app;

    public AlarmingHostFixture() : this(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero))
    {
    }

    /// <param name="start">Where the fake clock starts (fixtures that meet real tokens start it at the real time).</param>
    protected AlarmingHostFixture(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    /// <summary>The storage connection string of this fixture's Azurite.</summary>
    public string Storage => azurite!.ConnectionString;

    public TriggerActivity Activity => app!.Services.GetRequiredService<TriggerActivity>();

    /// <summary>The host's services, for tests of the storage layer the functions use.</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>The next evaluation tick (the timer fires every minute at second 0).</summary>
    public DateTimeOffset NextTick => DateTimeOffset.FromUnixTimeSeconds((Time.GetUtcNow().ToUnixTimeSeconds() / 60 + 1) * 60);

    /// <summary>Moves the clock to the next minute, which fires the fan-out timer, then waits until
    /// the timer has handled that tick and the evaluation queue is drained.</summary>
    public async Task<DateTimeOffset> TickAsync()
    {
        var tick = NextTick;
        Time.Advance(tick - Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(Activity.LastHandled(FanOutEvaluationFunction.Name) >= tick), "the timer to fire");
        await WaitForIdleAsync();
        return tick;
    }

    /// <summary>Waits until no trigger invocation runs and the queue (the evaluation queue unless named) is empty.</summary>
    public async Task WaitForIdleAsync(string queueName = QueueNames.Evaluate)
    {
        var queue = new QueueClient(Storage, queueName);
        var quietChecks = 0;
        await Eventually.TrueAsync(async () =>
        {
            var idle = Activity.InFlight == 0 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
            quietChecks = idle ? quietChecks + 1 : 0;
            return quietChecks >= 3;
        }, "the queues to drain");
    }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static string ProjectDirectory { get; } =
        Alarming.Functions.Host.Settings.ProjectDirectory.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");

    /// <summary>The host's clock: the fake <see cref="Time"/> unless a fixture needs the real one.</summary>
    protected virtual TimeProvider Clock => Time;

    /// <summary>Settings a derived fixture adds (quotas, CORS origins...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartOnFreePortsAsync(ProjectDirectory);
        (app, BaseAddress) = await StartHostAsync(azurite.ConnectionString, Clock, ExtraSettings);
    }

    /// <summary>Starts the local host in-process on a free port against <paramref name="storage"/>.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartHostAsync(
        string storage, TimeProvider time, IReadOnlyDictionary<string, string?> extraSettings)
    {
        var port = AzuriteProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Changes:Queue"] = QueueNames.Changes,
            // Tests wait on queues, so poll them often and retry failures at once.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            // Evaluation tests read alarm-notify themselves; notification tests turn the notifier on.
            ["AzureWebJobs.NotifyAlarm.Disabled"] = "true",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }
        var app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions
        {
            ProjectDirectory = ProjectDirectory,
            Port = port,
            Settings = settings,
            Time = time,
        });
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client acting as a fresh user of a fresh project, so no other test sees its alarms.</summary>
    public ApiClient NewProject(string roles = "member") =>
        new(BaseAddress, "u-" + Guid.NewGuid().ToString("N")[..8], "p-" + Guid.NewGuid().ToString("N")[..8], roles);

    public ApiClient As(string? userId, string? projectId, string? roles) => new(BaseAddress, userId, projectId, roles);

    public virtual async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
