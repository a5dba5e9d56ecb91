using System.Diagnostics;
using System.Text.RegularExpressions;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Repository;

/// <summary>A clone of this repository is all a reader has: no tracked file may send them to
/// design material kept outside it. Only <c>.ci/</c> (the build machine's scripts) is exempt.</summary>
public sealed class SelfContainedTests
{
    /// <summary>The folder beside the repository where the design notes were kept, built from
    /// parts so that this file does not name it.</summary>
    private static readonly string[] OutsideFolder = [".." + "/" + "shared", ".." + "\\" + "shared"];

    /// <summary>Citations of the outside design notes by file name (the spec pages, the design
    /// and style pages, the platform notes), which a reader of the repository cannot open.</summary>
    private static readonly Regex SpecCitation = new(
        @"\b(api|evaluation|notification|metrics|legacy-threshold|events|auth|operations|config|azure-functions|keystone)\.md\b"
        + "|" + @"\b(DESIGN|STYLE)" + @"\.md\b",
        RegexOptions.Compiled);

    [Fact]
    public void NoTrackedFile_PointsOutsideTheRepository()
    {
        var hits = Scan(line => OutsideFolder.Any(folder => line.Contains(folder, StringComparison.Ordinal)));
        Assert.True(hits.Count == 0, "These lines point outside the repository:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void NoTrackedFile_CitesTheOutsideSpec()
    {
        var hits = Scan(SpecCitation.IsMatch);
        Assert.True(hits.Count == 0, "These lines cite design notes that are not in the repository:\n" + string.Join("\n", hits));
    }

    /// <returns><c>path:line: text</c> of every matching line of every tracked file outside <c>.ci/</c>.</returns>
    private static List<string> Scan(Func<string, bool> matches)
    {
        var root = AlarmingHostFixture.ProjectDirectory;
        var files = TrackedFiles(root);
        Assert.NotEmpty(files);
        var hits = new List<string>();
        foreach (var file in files.Where(f => !f.StartsWith(".ci/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                continue;  // deleted in the working tree, not yet in the index
            }
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (matches(lines[i]))
                {
                    hits.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        return hits;
    }

    /// <summary>The files git tracks, relative to the root with <c>/</c> separators; without git
    /// (a source archive) every file except build output, packages and git's own folder.</summary>
    private static IReadOnlyList<string> TrackedFiles(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("ls-files");
            start.ArgumentList.Add("-z");
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0)
            {
                return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: walk the tree instead.
        }
        string[] skipped = ["bin", "obj", "node_modules", ".git"];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => skipped.Contains(part)))
            .ToList();
    }
}
