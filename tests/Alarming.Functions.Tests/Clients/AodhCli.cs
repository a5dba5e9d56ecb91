using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Clients;

/// <summary>Runs Debian's real <c>aodh</c> CLI (python3-aodhclient) against the host.</summary>
public sealed class AodhCli(Uri endpoint, string userId, string projectId, string roles)
{
    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "aodh")).FirstOrDefault(File.Exists);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? "aodh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--os-auth-type", "aodh-noauth", "--user-id", userId, "--project-id", projectId, "--roles", roles,
                     "--aodh-endpoint", endpoint.ToString().TrimEnd('/'),
                 }.Concat(arguments))
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
        Assert.True(result.ExitCode == 0, $"aodh {string.Join(' ', arguments)} failed: {result.Error}");
        return JsonNode.Parse(result.Output)!;
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>A fact that needs the <c>aodh</c> CLI: skipped, visibly, only on a developer machine
/// without it; under CI (<c>CI=true</c>) it always runs, and fails if the CLI is missing.</summary>
public sealed class AodhCliFactAttribute : FactAttribute
{
    public AodhCliFactAttribute()
    {
        if (AodhCli.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "aodh CLI not installed (apt-get install python3-aodhclient); .ci/run installs it";
        }
    }
}
