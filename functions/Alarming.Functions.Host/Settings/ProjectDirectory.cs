namespace Alarming.Functions.Host.Settings;

/// <summary>Finds the repository root (where <c>host.json</c> and <c>package.json</c> live) from
/// the working directory upwards, so the host runs from the root or from its project folder.</summary>
internal static class ProjectDirectory
{
    public static string? Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "host.json")) && File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
