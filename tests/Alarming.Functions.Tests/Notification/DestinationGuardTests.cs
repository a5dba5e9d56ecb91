using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Notification;

/// <summary>A notifier with an empty allow-list, as in production: no loopback, private,
/// link-local or metadata address is reached, whatever name leads there.</summary>
public sealed class GuardedNotifierFixture : NotifyingHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Alarming:Notifier:AllowedNetworks"] = "",   // the name for it, which wins over the sample's Notifier__AllowedNetworks
    };
}

public sealed class DestinationGuardTests(GuardedNotifierFixture host) : IClassFixture<GuardedNotifierFixture>
{
    private async Task<IReadOnlyList<ActionOutcome>> OutcomesAsync(string notificationId, int expected)
    {
        var store = host.Services.GetRequiredService<IActionOutcomeStore>();
        await Eventually.TrueAsync(async () => (await store.ListAsync(notificationId, CancellationToken.None)).Count == expected, "the outcomes");
        return await store.ListAsync(notificationId, CancellationToken.None);
    }

    [Fact]
    public async Task EveryBlockedAddressClass_IsRefused_WithoutAConnection()
    {
        var unique = Guid.NewGuid().ToString("N");
        string[] actions =
        [
            host.Receiver.Url($"/loopback/{unique}"),                       // 127.0.0.1
            $"http://[::1]:{host.Receiver.Port}/v6/{unique}",              // IPv6 loopback
            "http://10.0.0.1:9/private",                                  // RFC 1918
            "http://172.16.5.4:9/private",
            "http://192.168.0.1:9/private",
            "http://169.254.169.254/latest/meta-data/",                  // cloud metadata (link-local)
            "http://[fd00:ec2::254]/latest/meta-data/",                  // unique local
            "http://0.0.0.0:9/",
            $"http://localhost:{host.Receiver.Port}/name/{unique}",       // a DNS name resolving to 127.0.0.1
        ];
        var notificationId = await NotifyMessages.SendAsync(host, actions);

        var outcomes = await OutcomesAsync(notificationId, actions.Length);
        Assert.All(outcomes, o =>
        {
            Assert.Equal(ActionOutcome.Failed, o.Status);
            Assert.Contains("is not an allowed webhook destination", o.Detail);
        });
        Assert.DoesNotContain(host.Receiver.Requests, r => r.Path.EndsWith(unique));
    }
}
