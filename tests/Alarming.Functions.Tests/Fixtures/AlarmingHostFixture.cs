using Alarming.Functions.Host;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A class fixture owning its own Azurite (free ports, in memory) and the local host
/// in-process on a free Kestrel port, with a fake clock. One per test class, so parallel classes
/// share no storage or clock; tests take a fresh project id instead of wiping tables.</summary>
public class AlarmingHostFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;
    private WebApplication? app;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = null!;

    public static string ProjectDirectory { get; } =
        Alarming.Functions.Host.Settings.ProjectDirectory.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");

    /// <summary>Settings a derived fixture adds (quotas, CORS origins...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartOnFreePortsAsync(ProjectDirectory);
        var port = AzuriteProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions
        {
            ProjectDirectory = ProjectDirectory,
            Port = port,
            Settings = settings,
            Time = Time,
        });
        await app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>A client acting as a fresh user of a fresh project, so no other test sees its alarms.</summary>
    public ApiClient NewProject(string roles = "member") =>
        new(BaseAddress, "u-" + Guid.NewGuid().ToString("N")[..8], "p-" + Guid.NewGuid().ToString("N")[..8], roles);

    public ApiClient As(string? userId, string? projectId, string? roles) => new(BaseAddress, userId, projectId, roles);

    public async Task DisposeAsync()
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
