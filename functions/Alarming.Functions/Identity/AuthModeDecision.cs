namespace Alarming.Functions.Identity;

/// <summary>Which identity mode the app runs in, or why it must not start: the fail-closed rule
/// decided once, from the settings and whether the process runs on Azure.</summary>
/// <remarks>Nobody may claim a project or <c>admin</c> by sending headers to a deployed app that was
/// not told to trust them, so on Azure an unset or <c>noauth</c> mode refuses to start unless
/// <c>Auth__AllowNoAuth=true</c> says so explicitly. A mistyped mode refuses everywhere: falling back
/// to <c>noauth</c> would open the app.</remarks>
public sealed record AuthModeDecision(string? Mode, string? Refusal, string? Warning)
{
    /// <summary>App Service and Functions set this on every instance.</summary>
    public const string AzureMarker = "WEBSITE_INSTANCE_ID";

    public static AuthModeDecision Decide(AuthOptions auth, bool onAzure)
    {
        var named = auth.Mode?.Trim() ?? "";
        var mode = named.Length == 0 ? AuthModes.NoAuth : AuthModes.All.FirstOrDefault(m => m.Equals(named, StringComparison.OrdinalIgnoreCase));
        if (mode is null)
        {
            return Refuse($"Auth__Mode '{named}' is not one of {string.Join(", ", AuthModes.All)}: refusing to start.");
        }
        if (mode == AuthModes.NoAuth && onAzure)
        {
            return auth.AllowNoAuth
                ? new AuthModeDecision(mode, null,
                    "Running in noauth mode on Azure because Auth__AllowNoAuth=true: every caller is whoever its X-Project-Id, X-User-Id and X-Roles headers say.")
                : Refuse($"Auth__Mode is {(named.Length == 0 ? "not set" : "noauth")} and this app runs on Azure ({AzureMarker} is set): " +
                         "set Auth__Mode to keystone or entra (with their Auth__Keystone__* or Auth__Entra__* settings), " +
                         "or Auth__AllowNoAuth=true to trust X-Project-Id/X-Roles headers; refusing to start.");
        }
        var missing = MissingSettings(mode, auth);
        return missing.Count == 0
            ? new AuthModeDecision(mode, null, null)
            : Refuse($"Auth__Mode={mode} needs {string.Join(", ", missing)} (URLs absolute, http or https): refusing to start.");
    }

    private static AuthModeDecision Refuse(string reason) => new(null, reason, null);

    private static List<string> MissingSettings(string mode, AuthOptions auth)
    {
        var required = mode switch
        {
            AuthModes.Keystone => new (string Name, string? Value)[]
            {
                ("Auth__Keystone__Url", AbsoluteHttpUrl(auth.Keystone.Url)),
                ("Auth__Keystone__Username", auth.Keystone.Username),
                ("Auth__Keystone__Password", auth.Keystone.Password),
                ("Auth__Keystone__ProjectName", auth.Keystone.ProjectName),
            },
            AuthModes.Entra =>
            [
                ("Auth__Entra__TenantId", auth.Entra.TenantId),
                ("Auth__Entra__Audience", auth.Entra.Audience),
                ("Auth__Entra__Authority", string.IsNullOrWhiteSpace(auth.Entra.Authority) ? "default" : AbsoluteHttpUrl(auth.Entra.Authority)),
            ],
            _ => [],
        };
        return required.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Name).ToList();
    }

    /// <returns>The URL when it is an absolute http(s) URL, else <c>null</c> (reported as missing).</returns>
    private static string? AbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;
}
