namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>A fact that needs Debian's keystone and uwsgi: skipped, visibly, only on a developer machine
/// without them; under CI (<c>CI=true</c>) it always runs, and fails if they are missing.</summary>
public sealed class KeystoneFactAttribute : FactAttribute
{
    public KeystoneFactAttribute()
    {
        if (!KeystoneProcess.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "keystone not installed (apt-get install keystone uwsgi uwsgi-plugin-python3); .ci/run installs it";
        }
    }
}
