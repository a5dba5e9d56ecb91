using System.Diagnostics;
using System.Reflection;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>The Bicep CLI that restoring this project downloads (a NuGet package), run on the
/// repository's <c>infra/</c> folder.</summary>
internal static class BicepCli
{
    /// <summary>Where the package restored the binary; the project file derives it from the NuGet cache.</summary>
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepCliPath").Value!;

    /// <returns>The exit code and the whole output, warnings included (the CLI prints them on stderr
    /// and exits 0 for them, so callers must read them).</returns>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        Assert.True(File.Exists(Path), $"The Bicep CLI is not at {Path}: restore tests/Alarming.Functions.Tests (a PackageDownload brings it).");
        MakeExecutable();
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = AlarmingHostFixture.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "bicep " + string.Join(' ', arguments) + " did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a command that must succeed without a single diagnostic and returns its output.</summary>
    public static string RunClean(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = Run(arguments);
        var diagnostics = Diagnostics(stdout + "\n" + stderr);
        Assert.True(exitCode == 0 && diagnostics.Count == 0,
            $"bicep {string.Join(' ', arguments)} exited {exitCode} with:\n{string.Join('\n', diagnostics)}\n{stderr}");
        return stdout;
    }

    /// <summary>Lines that report an error, a warning or an info (<c>file(line,col) : Warning BCP037: ...</c>).</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        output.Split('\n').Where(l => l.Contains(" : Error ") || l.Contains(" : Warning ") || l.Contains(" : Info ")).ToList();

    /// <summary>A package restore does not always keep the executable bit.</summary>
    private static void MakeExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(Path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(Path, mode | execute);
        }
    }
}
