using System.Net;

namespace Alarming.Functions.Identity;

/// <summary>Asks Keystone about a caller's token with the service user's token, logging the service
/// user in when it has no token, when that token is due for renewal, and once more when Keystone
/// rejects it (revoked or expired early), as keystonemiddleware does.</summary>
/// <remarks>Thread-safe: one login at a time; validations share the current service token.</remarks>
internal sealed class KeystoneTokenValidator(KeystoneClient keystone, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim login = new(1, 1);
    private KeystoneServiceToken? current;

    /// <returns>The token as Keystone describes it, or <c>null</c> when Keystone does not know it
    /// (invalid, expired or revoked).</returns>
    /// <exception cref="KeystoneUnavailableException">Keystone could not say.</exception>
    public async Task<KeystoneToken?> ValidateAsync(string subjectToken, CancellationToken cancellationToken)
    {
        var service = await ServiceTokenAsync(cancellationToken);
        var (status, token) = await keystone.ValidateAsync(service.Value, subjectToken, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            Interlocked.CompareExchange(ref current, null, service);
            service = await ServiceTokenAsync(cancellationToken);
            (status, token) = await keystone.ValidateAsync(service.Value, subjectToken, cancellationToken);
        }
        return status switch
        {
            HttpStatusCode.OK => token,
            HttpStatusCode.NotFound => null,
            _ => throw new KeystoneUnavailableException($"Keystone answered {(int)status} to a token validation"),
        };
    }

    private async Task<KeystoneServiceToken> ServiceTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is { } fresh && time.GetUtcNow() < fresh.RenewAt)
        {
            return fresh;
        }
        await login.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref current) is { } renewed && time.GetUtcNow() < renewed.RenewAt)
            {
                return renewed;  // another request logged in while this one waited
            }
            var issued = await keystone.IssueServiceTokenAsync(cancellationToken);
            Volatile.Write(ref current, issued);
            return issued;
        }
        finally
        {
            login.Release();
        }
    }

    public void Dispose() => login.Dispose();
}
