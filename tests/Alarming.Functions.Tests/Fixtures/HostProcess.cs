using System.Diagnostics;
using Alarming.Functions.Host.DevelopmentStorage;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>The local host as a separate process (real clock), so a test can kill it outright.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HostProcess> StartAsync(string storage, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;  // Debug or Release
        var dll = Path.Combine(AlarmingHostFixture.ProjectDirectory, "functions", "Alarming.Functions.Host", "bin", configuration, "net10.0",
            "Alarming.Functions.Host.dll");
        var port = AzuriteProcess.FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = AlarmingHostFixture.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Host__LocalHttpPort"] = port.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(process.HasExited, "the host process exited: " + string.Join('\n', output));
            try
            {
                return (await http.GetAsync(new Uri(host.Address, "/healthcheck"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the host process to serve");
        return host;
    }

    /// <summary>Kills the process at once, as a crash or a scale-in would.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
