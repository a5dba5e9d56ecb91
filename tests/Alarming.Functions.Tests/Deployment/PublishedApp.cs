using System.Diagnostics;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Deployment;

/// <summary><c>dotnet publish functions/Alarming.Functions -c Release</c> into a temporary folder:
/// the package <c>azd deploy</c> zips and the Functions host runs. Deleted afterwards.</summary>
public sealed class PublishedApp : IDisposable
{
    public PublishedApp()
    {
        Directory = Path.Combine(Path.GetTempPath(), "alarming-publish-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AlarmingHostFixture.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No build servers: nothing of this build outlives the test.
        foreach (var argument in new[] { "publish", "functions/Alarming.Functions", "-c", "Release", "-o", Directory, "--disable-build-servers", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }
        // The test runner's MSBuild settings belong to its own build, not to this one.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish did not finish in 8 minutes");
        }
        Output = stdout.Result + stderr.Result;
        ExitCode = process.ExitCode;
    }

    public string Directory { get; }

    public int ExitCode { get; }

    /// <summary>What <c>dotnet publish</c> printed.</summary>
    public string Output { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
