using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alarming.Functions.Host.DevelopmentStorage;

/// <summary>An Azurite started from the npm package pinned in <c>package.json</c>, on loopback,
/// telemetry off. Disposing stops only the process this instance started.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite and waits until its three services accept connections.</summary>
    /// <param name="dataDirectory">Where Azurite keeps its data; <c>null</c> keeps it in memory.</param>
    public static async Task<AzuriteProcess> StartAsync(string projectDirectory, string? dataDirectory,
        int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken = default)
    {
        await EnsureInstalledAsync(projectDirectory, cancellationToken);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(projectDirectory, "node_modules", "azurite", "dist", "src", "azurite.js"),
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                // Read before disposing: a disposed process has no exit code to tell.
                var exitCode = process.HasExited ? process.ExitCode : -1;
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start (exit code {exitCode}); run `npm ci` in {projectDirectory}.");
            }
            await Task.Delay(100, cancellationToken);
        }
        return azurite;
    }

    /// <summary>Starts Azurite on three free loopback ports, data in memory (for tests and benchmarks).</summary>
    /// <remarks>A port found free can be taken by another process before Azurite binds it (tests start
    /// many at once): then Azurite exits, and it is started again on other ports.</remarks>
    public static async Task<AzuriteProcess> StartOnFreePortsAsync(string projectDirectory, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(projectDirectory, null, FreePort(), FreePort(), FreePort(), cancellationToken);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>npm ci</c> when the pinned Azurite is not installed yet.</summary>
    private static async Task EnsureInstalledAsync(string projectDirectory, CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(Path.Combine(projectDirectory, "node_modules", "azurite", "package.json")))
            {
                await NpmCiAsync(projectDirectory, cancellationToken);
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task NpmCiAsync(string projectDirectory, CancellationToken cancellationToken)
    {
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = projectDirectory })
            ?? throw new InvalidOperationException("npm did not start");
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"`npm ci` failed in {projectDirectory} (exit code {npm.ExitCode}).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
