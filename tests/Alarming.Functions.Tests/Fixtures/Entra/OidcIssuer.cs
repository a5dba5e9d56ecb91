using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Alarming.Functions.Host.DevelopmentStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Alarming.Functions.Tests.Fixtures.Entra;

/// <summary>A small OpenID Connect issuer on loopback standing for Microsoft Entra ID: one tenant's v2.0
/// metadata and signing keys (JWKS) over real HTTP, and access tokens signed with a test RSA key, so the
/// host validates them with the same code as in production.</summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    public const string TenantId = "7f3c1b2a-0d4e-4c5f-9a8b-1e2d3c4b5a69";
    public const string ClientId = "3b9e0c4d-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    public const string KeyId = "test-key-1";

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly WebApplication app;

    private OidcIssuer(WebApplication app, Uri address)
    {
        this.app = app;
        Authority = new Uri(address, $"{TenantId}/v2.0").ToString();
    }

    /// <summary>The tenant's v2.0 authority here; also the issuer of v2 tokens, as in Entra.</summary>
    public string Authority { get; }

    /// <summary>The issuer Entra writes in v1 tokens.</summary>
    public static string V1Issuer => $"https://sts.windows.net/{TenantId}/";

    public static async Task<OidcIssuer> StartAsync()
    {
        var port = AzuriteProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new OidcIssuer(app, new Uri($"http://127.0.0.1:{port}/"));
        app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = issuer.Authority,
            ["jwks_uri"] = $"http://127.0.0.1:{port}/{TenantId}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet($"/{TenantId}/discovery/v2.0/keys", () => Results.Text(issuer.Jwks().ToJsonString(), "application/json"));
        await app.StartAsync();
        return issuer;
    }

    /// <summary>An access token as Entra issues one for the API's app registration.</summary>
    /// <param name="signedBy">Another key (under the same key id) makes the signature wrong.</param>
    public string Issue(string issuer, string audience, string oid, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null,
        DateTimeOffset? expires = null, SecurityKey? signedBy = null)
    {
        var expiry = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var claims = new Dictionary<string, object>
        {
            ["oid"] = oid,
            ["tid"] = TenantId,
            ["ver"] = issuer == V1Issuer ? "1.0" : "2.0",
        };
        if (roles is not null)
        {
            claims["roles"] = roles.ToArray();
        }
        if (groups is not null)
        {
            claims["groups"] = groups.ToArray();
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1).UtcDateTime,
            NotBefore = expiry.AddHours(-1).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedBy ?? key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key that is not the issuer's but claims its key id.</summary>
    public static SecurityKey Impostor() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private JsonObject Jwks()
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        };
    }
}
