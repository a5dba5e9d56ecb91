using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Alarming.Functions.Identity;

/// <summary>What the JWT bearer handler checks of an Entra access token: the signature against the
/// keys in the authority's OpenID Connect metadata, the tenant's v1 and v2 issuers, the audience
/// in both its forms, the lifetime with five minutes of clock skew, and RS256 only (so neither
/// <c>alg: none</c> nor a key confused for an HMAC secret passes).</summary>
internal sealed class EntraTokenValidation(IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == EntraAuthenticator.Scheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var entra = auth.Value.Entra;
        options.Authority = entra.EffectiveAuthority;
        // Tests run their issuer on loopback http; anywhere else the metadata must come over https.
        options.RequireHttpsMetadata = !IsLoopback(options.Authority);
        // Keep the token's own claim names (oid, roles, groups) instead of the WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = entra.Issuers,
            ValidAudiences = entra.Audiences,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            NameClaimType = "oid",
            RoleClaimType = "roles",
        };
        options.Events = new JwtBearerEvents { OnMessageReceived = ReadAuthTokenHeader };
    }

    /// <summary>The <c>aodh</c> CLI sends a token given with <c>--os-token</c> as <c>X-Auth-Token</c>;
    /// <c>Authorization</c> wins when both are present.</summary>
    private static Task ReadAuthTokenHeader(MessageReceivedContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Authorization.Count == 0 && headers["X-Auth-Token"] is [{ Length: > 0 } token])
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
