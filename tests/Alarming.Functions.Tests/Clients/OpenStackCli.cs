using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Clients;

/// <summary>Runs a real OpenStack client from Debian's packages (<c>aodh</c>, <c>gnocchi</c>,
/// Ceilometer through <c>/usr/bin/python3</c>) against the host.</summary>
public sealed class OpenStackCli(string executable, IReadOnlyList<string> connection)
{
    public static OpenStackCli Aodh(Uri endpoint, string userId, string projectId, string roles) => new("aodh",
    [
        "--os-auth-type", "aodh-noauth", "--user-id", userId, "--project-id", projectId, "--roles", roles,
        "--aodh-endpoint", endpoint.ToString().TrimEnd('/'),
    ]);

    public static OpenStackCli Gnocchi(Uri endpoint, string userId, string projectId, string roles) => new("gnocchi",
    [
        "--os-auth-type", "gnocchi-noauth", "--user-id", userId, "--project-id", projectId, "--roles", roles,
        "--endpoint", endpoint.ToString().TrimEnd('/'),
    ]);

    /// <summary>The <c>aodh</c> or <c>gnocchi</c> CLI logging in to Keystone with a password, as on any
    /// OpenStack cloud: the endpoint comes from the catalog.</summary>
    public static OpenStackCli WithPassword(string executable, Uri keystone, string user, string password, string project) => new(executable,
    [
        "--os-auth-type", "password", "--os-auth-url", keystone.ToString(), "--os-username", user, "--os-password", password,
        "--os-project-name", project, "--os-user-domain-name", "Default", "--os-project-domain-name", "Default",
    ]);

    /// <summary>Debian's own interpreter, which sees the python3-* packages (a pyenv one on PATH may not).</summary>
    public static OpenStackCli DebianPython() => new("/usr/bin/python3", []);

    /// <summary>The executable's path, or <c>null</c> when it is not installed.</summary>
    public static string? Find(string executable) => Path.IsPathRooted(executable)
        ? (File.Exists(executable) ? executable : null)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, executable)).FirstOrDefault(File.Exists);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(executable) ?? executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in connection.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command with <c>-f json</c> and returns its parsed output, failing on a non-zero exit.</summary>
    public async Task<JsonNode> JsonAsync(params string[] arguments)
    {
        var result = await RunAsync([.. arguments, "-f", "json"]);
        Assert.True(result.ExitCode == 0, $"{executable} {string.Join(' ', arguments)} failed: {result.Error}");
        return JsonNode.Parse(result.Output)!;
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>A fact that needs a client from Debian's packages: skipped, visibly, only on a developer
/// machine without it; under CI (<c>CI=true</c>) it always runs, and fails if the client is missing.</summary>
public sealed class CliFactAttribute : FactAttribute
{
    public CliFactAttribute(string executable, string package)
    {
        if (OpenStackCli.Find(executable) is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{executable} not installed (apt-get install {package}); .ci/run installs it";
        }
    }
}

/// <summary>The <see cref="CliFactAttribute"/> of a theory.</summary>
public sealed class CliTheoryAttribute : TheoryAttribute
{
    public CliTheoryAttribute(string executable, string package)
    {
        if (OpenStackCli.Find(executable) is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{executable} not installed (apt-get install {package}); .ci/run installs it";
        }
    }
}
