using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Alarming.Functions.Host.DevelopmentStorage;

namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>A real OpenStack Keystone (Debian's <c>keystone</c> package) on a free loopback port: SQLite
/// in WAL mode, fernet tokens, served by uwsgi, all state in a temporary folder.</summary>
/// <remarks>uwsgi runs in its own process group, which <see cref="StopAsync"/> ends as a whole; the
/// folder outlives a stop, so <see cref="StartAsync"/> serves the same users and tokens again.
/// Shared by the tests and the benchmarks, so it uses no test framework.</remarks>
public sealed class KeystoneProcess : IAsyncDisposable
{
    public const string ManageCommand = "/usr/bin/keystone-manage";
    public const string WsgiScript = "/usr/bin/keystone-wsgi-public";
    public const string Uwsgi = "/usr/bin/uwsgi";
    public const string AdminUser = "admin";
    public const string AdminProject = "admin";

    private readonly string directory;
    private readonly int port;
    private Process? uwsgi;

    private KeystoneProcess(string directory, int port, string adminPassword)
    {
        this.directory = directory;
        this.port = port;
        AdminPassword = adminPassword;
    }

    /// <summary>The identity API, <c>http://127.0.0.1:PORT/v3</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{port}/v3");

    public string AdminPassword { get; }

    /// <summary>Whether Debian's keystone and uwsgi are installed here.</summary>
    public static bool IsInstalled => File.Exists(ManageCommand) && File.Exists(WsgiScript) && File.Exists(Uwsgi);

    /// <summary>Sets up a fresh Keystone and serves it.</summary>
    /// <param name="tokenExpirationSeconds">Keystone's <c>[token] expiration</c>.</param>
    public static async Task<KeystoneProcess> CreateAsync(int tokenExpirationSeconds = 3600)
    {
        var directory = Directory.CreateTempSubdirectory("alarming-keystone-").FullName;
        var keystone = new KeystoneProcess(directory, AzuriteProcess.FreePort(), "admin-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await keystone.SetUpAsync(tokenExpirationSeconds);
            await keystone.StartAsync();
            return keystone;
        }
        catch
        {
            await keystone.DisposeAsync();
            throw;
        }
    }

    /// <summary>Serves the folder's Keystone (again) and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("setsid",
        [
            Uwsgi, "--plugins", "python3", "--http-socket", $"127.0.0.1:{port}", "--wsgi-file", WsgiScript,
            "--processes", "1", "--threads", "4", "--die-on-term", "--skip-atexit-teardown",
            // Without it the OpenStack clients intermittently see their connection reset.
            "--add-header", "Connection: close",
            "--logto", Path.Combine(directory, "uwsgi.log"),
        ])
        {
            UseShellExecute = false,
        };
        start.Environment["OS_KEYSTONE_CONFIG_FILES"] = ConfigFile;
        uwsgi = Process.Start(start)!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (uwsgi.HasExited)
            {
                throw new InvalidOperationException($"uwsgi exited with {uwsgi.ExitCode}: {Tail("uwsgi.log")}");
            }
            try
            {
                if ((await http.GetAsync(Url)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet: uwsgi imports Keystone first
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Keystone did not answer on {Url}: {Tail("uwsgi.log")} {Tail("keystone.log")}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Ends uwsgi's whole process group, as an outage would; the state stays.</summary>
    public async Task StopAsync()
    {
        if (uwsgi is null)
        {
            return;
        }
        // setsid made uwsgi the leader of its own group, so its id is the group's.
        _ = Kill(-uwsgi.Id, Terminate);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await uwsgi.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _ = Kill(-uwsgi.Id, ForceKill);
            await uwsgi.WaitForExitAsync();
        }
        uwsgi.Dispose();
        uwsgi = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a log still open by a dying worker: the temporary folder is left to the system
        }
    }

    private string ConfigFile => Path.Combine(directory, "keystone.conf");

    private async Task SetUpAsync(int tokenExpirationSeconds)
    {
        await File.WriteAllTextAsync(ConfigFile, $"""
            [DEFAULT]
            log_file = {Path.Combine(directory, "keystone.log")}
            [database]
            connection = sqlite:///{Path.Combine(directory, "keystone.db")}
            [fernet_tokens]
            key_repository = {Path.Combine(directory, "fernet-keys")}
            [credential]
            key_repository = {Path.Combine(directory, "credential-keys")}
            [identity]
            # bcrypt's default rounds make every password login cost a quarter of a second
            password_hash_rounds = 4
            [cache]
            # without a cache a validation costs Keystone about a second of CPU
            enabled = true
            backend = dogpile.cache.memory
            [token]
            expiration = {tokenExpirationSeconds}
            """);
        var (user, group) = (Environment.UserName, await OutputOfAsync("id", "-gn"));
        await Task.WhenAll(
            ManageAsync("db_sync"),
            ManageAsync("fernet_setup", "--keystone-user", user, "--keystone-group", group),
            ManageAsync("credential_setup", "--keystone-user", user, "--keystone-group", group));
        // Keystone keeps a read transaction open per token answer; in SQLite's default journal mode other writers then fail.
        await OutputOfAsync("/usr/bin/python3", "-c",
            $"import sqlite3; sqlite3.connect('{Path.Combine(directory, "keystone.db")}').execute('PRAGMA journal_mode=WAL')");
        var url = Url.ToString();
        await ManageAsync("bootstrap", "--bootstrap-password", AdminPassword, "--bootstrap-username", AdminUser,
            "--bootstrap-project-name", AdminProject, "--bootstrap-role-name", "admin", "--bootstrap-service-name", "keystone",
            "--bootstrap-region-id", "RegionOne", "--bootstrap-admin-url", url, "--bootstrap-public-url", url);
    }

    private Task ManageAsync(params string[] arguments) => OutputOfAsync(ManageCommand, ["--config-file", ConfigFile, .. arguments]);

    private static async Task<string> OutputOfAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }
        return (await output).Trim();
    }

    private string Tail(string log)
    {
        var path = Path.Combine(directory, log);
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "";
    }

    private const int Terminate = 15;
    private const int ForceKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
