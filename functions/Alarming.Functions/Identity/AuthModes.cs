namespace Alarming.Functions.Identity;

/// <summary>The names <c>Auth__Mode</c> takes.</summary>
public static class AuthModes
{
    /// <summary>Aodh's noauth: the caller is whoever <c>X-Project-Id</c>, <c>X-User-Id</c> and <c>X-Roles</c> say.</summary>
    public const string NoAuth = "noauth";

    /// <summary>OpenStack Keystone tokens in <c>X-Auth-Token</c>, as Aodh behind keystonemiddleware.</summary>
    public const string Keystone = "keystone";

    /// <summary>Microsoft Entra ID access tokens in <c>Authorization: Bearer</c> or <c>X-Auth-Token</c>.</summary>
    public const string Entra = "entra";

    public static IReadOnlyList<string> All { get; } = [NoAuth, Keystone, Entra];
}
