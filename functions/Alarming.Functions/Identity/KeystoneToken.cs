using System.Globalization;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Identity;

/// <summary>What Keystone says about a token: its user, its project (none when the token is unscoped,
/// domain- or system-scoped), its role names and when it stops being valid.</summary>
internal sealed record KeystoneToken(string UserId, string? ProjectId, IReadOnlyList<string> Roles, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Reads Keystone v3's <c>{"token": {...}}</c> body.</summary>
    /// <exception cref="FormatException">The body is not a token.</exception>
    public static KeystoneToken Parse(string body)
    {
        var token = JsonNode.Parse(body)?["token"] ?? throw new FormatException("Keystone's answer holds no token");
        return new KeystoneToken(
            token["user"]?["id"]?.GetValue<string>() ?? throw new FormatException("Keystone's token names no user"),
            token["project"]?["id"]?.GetValue<string>(),
            token["roles"]?.AsArray().Select(r => r?["name"]?.GetValue<string>()).OfType<string>().ToList() ?? [],
            Timestamp(token["issued_at"]),
            Timestamp(token["expires_at"]));
    }

    private static DateTimeOffset Timestamp(JsonNode? value) =>
        DateTimeOffset.Parse(value?.GetValue<string>() ?? throw new FormatException("Keystone's token has no expiry"),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
