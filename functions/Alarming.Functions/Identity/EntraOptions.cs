namespace Alarming.Functions.Identity;

/// <summary>Entra mode (section <c>Auth:Entra</c>): the tenant and app registration whose access
/// tokens are accepted, and how their app roles and groups become roles and projects.</summary>
public sealed class EntraOptions
{
    public string? TenantId { get; set; }

    /// <summary>The OpenID Connect issuer whose metadata and keys validate tokens; the tenant's v2.0
    /// endpoint when unset.</summary>
    public string? Authority { get; set; }

    /// <summary>The API's app ID URI (<c>api://&lt;client-id&gt;</c>) or its client id: tokens for
    /// either form are accepted.</summary>
    public string? Audience { get; set; }

    /// <summary>App role (the token's <c>roles</c>) → role name; a role mapped to nothing, or not
    /// listed, is dropped.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alarming.Admin"] = "admin",
        ["Alarming.Service"] = "service",
        ["Alarming.Member"] = "member",
    };

    /// <summary>Group object id (the token's <c>groups</c>) → project id the group's members act in.</summary>
    public Dictionary<string, string> Projects { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the tenant id itself is a project every caller of the tenant may act in.</summary>
    public bool TenantIsProject { get; set; } = true;

    public string EffectiveAuthority =>
        (string.IsNullOrWhiteSpace(Authority) ? $"https://login.microsoftonline.com/{TenantId}/v2.0" : Authority).TrimEnd('/');

    /// <summary>Both forms of the audience: the app ID URI and the bare client id.</summary>
    public IReadOnlyList<string> Audiences
    {
        get
        {
            var audience = (Audience ?? "").Trim();
            const string prefix = "api://";
            return audience.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                ? [audience, audience[prefix.Length..]]
                : [audience, prefix + audience];
        }
    }

    /// <summary>The tenant's issuers: v1 tokens (<c>sts.windows.net</c>) and v2 tokens; the
    /// authority's own issuer (from its metadata) is accepted as well.</summary>
    public IReadOnlyList<string> Issuers =>
        [$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];
}
