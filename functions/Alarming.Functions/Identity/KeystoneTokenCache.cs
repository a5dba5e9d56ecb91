using System.Security.Cryptography;
using System.Text;
using Alarming.Core.Access;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Identity;

/// <summary>Callers of tokens Keystone validated, per process, for <c>Auth__Keystone__CacheSeconds</c>
/// and never past the token's expiry (keystonemiddleware's token cache).</summary>
/// <remarks>Keyed by the token's SHA-256, so the process holds no usable token. A revoked token stays
/// accepted until its entry lapses, as behind keystonemiddleware: that is the price of not asking
/// Keystone on every request. Entries are judged on the injected clock; the memory cache's own
/// expiry (on the real clock) only frees memory.</remarks>
internal sealed class KeystoneTokenCache(IOptions<AuthOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Bounds the memory a flood of distinct valid tokens can take.</summary>
    private const int MaxEntries = 100_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public Caller? Find(string token) =>
        cache.TryGetValue(Key(token), out Entry? entry) && time.GetUtcNow() < entry!.ValidUntil ? entry.Caller : null;

    public void Add(string token, Caller caller, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        var cached = now + options.Value.Keystone.CacheTime;
        var validUntil = cached < expiresAt ? cached : expiresAt;
        if (validUntil <= now)
        {
            return;
        }
        cache.Set(Key(token), new Entry(caller, validUntil),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = validUntil - now });
    }

    public void Dispose() => cache.Dispose();

    private static string Key(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(Caller Caller, DateTimeOffset ValidUntil);
}
