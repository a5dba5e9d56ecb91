using System.Net;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Functions.Tests.Fixtures.Keystone;

namespace Alarming.Functions.Tests.Identity;

/// <summary>A token Keystone lets expire is refused once its expiry passes, however long the cache would keep it.</summary>
[Collection(KeystoneCollection.Name)]
public sealed class KeystoneTokenExpiryTests(LongCacheKeystoneHostFixture host) : IClassFixture<LongCacheKeystoneHostFixture>
{
    [KeystoneFact]
    public async Task ExpiredToken_IsUnauthorized_AfterItsExpiry_ThoughTheCacheTimeIsLonger()
    {
        // Keystone caps the life of a token issued for an application credential at the credential's
        // expiry: a token that really expires in seconds, without a second Keystone.
        var keystone = host.Keystone;
        var userToken = await keystone.TokenAsync(keystone.Alice);
        var (id, secret) = await keystone.Admin.CreateApplicationCredentialAsync(userToken, keystone.Alice.Id, DateTimeOffset.UtcNow.AddSeconds(5));
        var (token, body) = await keystone.Admin.LoginAsync(id, secret);
        var expiresAt = DateTimeOffset.Parse(body["token"]!["expires_at"]!.GetValue<string>()).ToUniversalTime();
        var alice = host.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v2/alarms")).Status);

        await Eventually.TrueAsync(async () => await keystone.Admin.CheckAsync(token) == HttpStatusCode.NotFound, "Keystone to expire the token");
        Assert.True(host.Time.GetUtcNow() < expiresAt, "the host's clock started at the real time and has not moved");
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v2/alarms")).Status);  // still cached
        host.Time.SetUtcNow(expiresAt);

        var expired = await alice.GetAsync("/v2/alarms");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.True(host.Time.GetUtcNow() < host.Time.Start.AddSeconds(host.CacheSeconds), "well within the cache time");
    }
}
