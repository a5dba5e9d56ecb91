using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.Identity;

/// <summary>Keystone mode (section <c>Auth:Keystone</c>): where tokens are validated and the service
/// user that validates them, as keystonemiddleware's <c>[keystone_authtoken]</c> names them.</summary>
public sealed class KeystoneOptions
{
    /// <summary>Keystone's identity API, e.g. <c>http://keystone:5000/v3</c>; <c>/v3</c> is added when missing.</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The service user's project (Aodh's deployments use <c>service</c>).</summary>
    public string? ProjectName { get; set; }

    public string UserDomainName { get; set; } = "Default";

    public string ProjectDomainName { get; set; } = "Default";

    /// <summary>keystonemiddleware's <c>token_cache_time</c>: how long a validated token is trusted
    /// without asking again, never past its expiry; 0 (or -1, keystonemiddleware's value) turns the cache off.</summary>
    [Range(-1, 86400)]
    public int CacheSeconds { get; set; } = 300;

    /// <summary>keystonemiddleware's <c>www_authenticate_uri</c>, sent in <c>WWW-Authenticate</c> with
    /// every 401; <see cref="Url"/> when unset.</summary>
    public string? WwwAuthenticateUri { get; set; }

    /// <summary>The identity API's base with a trailing slash, so relative paths resolve under <c>/v3</c>.</summary>
    public Uri ApiBase
    {
        get
        {
            var url = (Url ?? "").TrimEnd('/');
            return new Uri((url.EndsWith("/v3", StringComparison.Ordinal) ? url : url + "/v3") + "/");
        }
    }

    public TimeSpan CacheTime => TimeSpan.FromSeconds(Math.Max(0, CacheSeconds));
}
