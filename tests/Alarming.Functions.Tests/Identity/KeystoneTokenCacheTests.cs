using Alarming.Core.Access;
using Alarming.Functions.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Functions.Tests.Identity;

public sealed class KeystoneTokenCacheTests
{
    private static readonly Caller Alice = new("alice", "alpha", ["member"]);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private KeystoneTokenCache Cache(int seconds) =>
        new(Options.Create(new AuthOptions { Keystone = new KeystoneOptions { CacheSeconds = seconds } }), time);

    [Fact]
    public void KeepsACaller_ForTheCacheTime()
    {
        using var cache = Cache(300);
        cache.Add("token-1", Alice, time.GetUtcNow().AddHours(1));

        time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(Alice, cache.Find("token-1"));
        Assert.Null(cache.Find("token-2"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("token-1"));
    }

    [Fact]
    public void NeverKeepsACaller_PastItsTokensExpiry()
    {
        using var cache = Cache(300);
        cache.Add("token-1", Alice, time.GetUtcNow().AddSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Alice, cache.Find("token-1"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("token-1"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void KeepsNothing_WhenTurnedOff(int seconds)
    {
        using var cache = Cache(seconds);
        cache.Add("token-1", Alice, time.GetUtcNow().AddHours(1));

        Assert.Null(cache.Find("token-1"));
    }
}
