using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Events;

/// <summary>Whether a request to the event intake carries <see cref="EventOptions.IntakeSecret"/>: as
/// <c>Authorization: Bearer</c>, as <c>access_token</c> in the query (the CloudEvents webhook way, and
/// what Ceilometer keeps in its publisher URL) or as the password of HTTP Basic auth.</summary>
public sealed class EventIntakeSecret(IOptions<EventOptions> options)
{
    public bool IsIn(HttpRequest request)
    {
        var secret = options.Value.IntakeSecret;
        return secret.Length > 0 && Candidates(request).Any(candidate => SameText(candidate, secret));
    }

    private static IEnumerable<string> Candidates(HttpRequest request)
    {
        foreach (var token in request.Query["access_token"])
        {
            yield return token ?? "";
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            yield return authorization["Bearer ".Length..].Trim();
        }
        else if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicPassword(authorization["Basic ".Length..]) is { } password)
        {
            yield return password;
        }
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <remarks>Hashing first makes the comparison constant-time in the length too.</remarks>
    private static bool SameText(string candidate, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
