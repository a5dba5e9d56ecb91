using Alarming.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Identity;

/// <summary>keystone mode: the caller of the Keystone token in <c>X-Auth-Token</c>, as Aodh behind
/// keystonemiddleware's auth_token sees it: user, project and role names from Keystone's answer.</summary>
/// <remarks>401 (with <c>WWW-Authenticate: Keystone uri="…"</c>) for a missing, invalid, expired or
/// revoked token and for one not scoped to a project; 503 when Keystone cannot answer.</remarks>
internal sealed class KeystoneAuthenticator(
    KeystoneTokenValidator validator, KeystoneTokenCache cache, IOptions<AuthOptions> options, ILogger<KeystoneAuthenticator> logger)
    : ICallerAuthenticator
{
    /// <summary>Longer than any Keystone token (fernet tokens are ~200 characters); such a header is refused unasked.</summary>
    private const int MaxTokenLength = 8192;

    private readonly string challenge =
        $"Keystone uri=\"{(string.IsNullOrEmpty(options.Value.Keystone.WwwAuthenticateUri) ? options.Value.Keystone.Url : options.Value.Keystone.WwwAuthenticateUri)}\"";

    public async Task<CallerAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers["X-Auth-Token"] is not [{ } token] || !IsPlausible(token))
        {
            return CallerAuthentication.Unauthenticated(challenge);
        }
        if (cache.Find(token) is { } cached)
        {
            return CallerAuthentication.Identified(cached);
        }
        KeystoneToken? validated;
        try
        {
            validated = await validator.ValidateAsync(token, cancellationToken);
        }
        catch (KeystoneUnavailableException e)
        {
            logger.LogError("Keystone could not validate a token: {Reason}", e.Message);
            return CallerAuthentication.Unavailable("The Keystone service is temporarily unavailable.");
        }
        if (validated?.ProjectId is not { } projectId)
        {
            return CallerAuthentication.Unauthenticated(challenge);
        }
        var caller = new Caller(validated.UserId, projectId, validated.Roles);
        cache.Add(token, caller, validated.ExpiresAt);
        return CallerAuthentication.Identified(caller);
    }

    /// <summary>Printable ASCII of a sane length: anything else cannot be a token, nor be sent on in a header.</summary>
    private static bool IsPlausible(string token) =>
        token.Length is > 0 and <= MaxTokenLength && token.All(c => c is > ' ' and < '\u007f');
}
