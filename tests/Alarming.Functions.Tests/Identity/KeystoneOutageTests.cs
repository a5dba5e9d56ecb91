using System.Net;
using Alarming.Functions.Tests.Fixtures.Keystone;

namespace Alarming.Functions.Tests.Identity;

/// <summary>Keystone down is the identity service's failure, not the caller's: 503 (retry), not 401 (log in again).</summary>
[Collection(KeystoneCollection.Name)]
public sealed class KeystoneOutageTests(KeystoneHostFixture host) : IClassFixture<KeystoneHostFixture>
{
    [KeystoneFact]
    public async Task KeystoneStopped_IsServiceUnavailable_ForTokensNotCached()
    {
        var keystone = host.Keystone;
        var seen = host.WithToken(await keystone.TokenAsync(keystone.Alice));
        var unseen = host.WithToken(await keystone.TokenAsync(keystone.Bob));
        Assert.Equal(HttpStatusCode.OK, (await seen.GetAsync("/v2/alarms")).Status);

        await keystone.Process.StopAsync();
        try
        {
            var refused = await unseen.GetAsync("/v2/alarms");
            var metrics = await unseen.GetAsync("/v1/metric");
            var cached = await seen.GetAsync("/v2/alarms");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.Equal("Server", refused.Json!["error_message"]!["faultcode"]!.GetValue<string>());
            Assert.Equal("The Keystone service is temporarily unavailable.", refused.Fault);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, metrics.Status);
            Assert.Equal(HttpStatusCode.OK, cached.Status);
        }
        finally
        {
            await keystone.Process.StartAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await unseen.GetAsync("/v2/alarms")).Status);
    }
}
