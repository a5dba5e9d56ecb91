using System.Collections.Concurrent;
using System.Diagnostics;
using Alarming.Functions.Host.DevelopmentStorage;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>The local host as a separate process (real clock), so a test can kill it outright or see it refuse to start.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private HostProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        this.process = process;
        this.output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>The local host's build output.</summary>
    public static string HostDll => BuildOutput("Alarming.Functions.Host");

    /// <summary>The Functions app itself, as the Functions host starts it.</summary>
    public static string FunctionsDll => BuildOutput("Alarming.Functions");

    public static async Task<HostProcess> StartAsync(string storage, IReadOnlyDictionary<string, string> settings)
    {
        var port = AzuriteProcess.FreePort();
        var (process, output) = Launch(HostDll, new Dictionary<string, string>(settings)
        {
            ["AzureWebJobsStorage"] = storage,
            ["Host__LocalHttpPort"] = port.ToString(),
        });
        var host = new HostProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(process.HasExited, "the host process exited: " + host.Output);
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

    /// <summary>Runs <paramref name="dll"/> until it exits by itself, as a start-up that refuses must.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dll, IReadOnlyDictionary<string, string> settings)
    {
        var (process, output) = Launch(dll, settings);
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Path.GetFileName(dll)} kept running: " + string.Join('\n', output));
            }
            process.WaitForExit();  // drains the redirected output
            return (process.ExitCode, string.Join('\n', output));
        }
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

    private static (Process Process, ConcurrentQueue<string> Output) Launch(string dll, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = AlarmingHostFixture.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static string BuildOutput(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;  // Debug or Release
        return Path.Combine(AlarmingHostFixture.ProjectDirectory, "functions", project, "bin", configuration, "net10.0", project + ".dll");
    }
}
