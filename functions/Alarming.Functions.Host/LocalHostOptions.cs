namespace Alarming.Functions.Host;

/// <summary>How to run the local host; everything unset comes from the settings files.</summary>
internal sealed class LocalHostOptions
{
    /// <summary>The repository root; found from the working directory when unset.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The HTTP port; <c>Host.LocalHttpPort</c> of local.settings.json, else 7071.</summary>
    public int? Port { get; init; }

    /// <summary>Settings that win over local.settings.json and the environment (tests use them).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The clock of the whole app; tests pass a fake one.</summary>
    public TimeProvider? Time { get; init; }
}
