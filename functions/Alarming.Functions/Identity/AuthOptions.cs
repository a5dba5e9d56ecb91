namespace Alarming.Functions.Identity;

/// <summary>Who-is-calling settings (section <c>Auth</c>): the mode and each mode's own settings.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary><c>noauth</c>, <c>keystone</c> or <c>entra</c>; unset means <c>noauth</c> except on Azure,
    /// where an unset mode refuses to start (see <see cref="AuthModeDecision"/>).</summary>
    public string? Mode { get; set; }

    /// <summary>Lets a deployed app run in <c>noauth</c> mode (behind a gateway that sets the headers);
    /// every start then logs a warning.</summary>
    public bool AllowNoAuth { get; set; }

    public KeystoneOptions Keystone { get; set; } = new();

    public EntraOptions Entra { get; set; } = new();
}
