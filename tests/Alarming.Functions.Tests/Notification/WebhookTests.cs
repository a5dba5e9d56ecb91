using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Notifications;
using Alarming.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Notification;

/// <summary>The notifier against real receivers on loopback: Aodh's payload and headers, our
/// notification id and signature, retries by redelivery, independent actions, timeouts.</summary>
public sealed class WebhookTests(NotifyingHostFixture host) : IClassFixture<NotifyingHostFixture>
{
    private WebhookReceiver Receiver => host.Receiver;

    private Task<IReadOnlyList<ActionOutcome>> OutcomesAsync(string notificationId) =>
        host.Services.GetRequiredService<IActionOutcomeStore>().ListAsync(notificationId, CancellationToken.None);

    [Fact]
    public async Task Transition_PostsAodhsPayloadAndHeaders_SignedForAProjectWithASecret()
    {
        var project = host.As("u1", NotifyingHostFixture.SignedProject, "member");
        var resource = await project.CreateResourceAsync("cpu");
        var path = $"/alarm/{Guid.NewGuid():N}";
        var alarm = await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource, action: null)
            .Also(a => a["alarm_actions"] = new JsonArray(Receiver.Url(path))));
        await project.PushMinutesAsync(resource, "cpu", host.NextTick, 90, 95, 95);
        await host.TickAsync();

        await Eventually.TrueAsync(() => Task.FromResult(Receiver.To(path).Count == 1), "the webhook");
        var request = Receiver.To(path).Single();
        Assert.Equal("POST", request.Method);
        var id = alarm["alarm_id"]!.GetValue<string>();
        Assert.Equal(
            $"{{\"alarm_name\": \"{alarm["name"]}\", \"alarm_id\": \"{id}\", \"severity\": \"low\", \"previous\": \"insufficient data\", " +
            "\"current\": \"alarm\", \"reason\": \"Transition to alarm due to 3 samples outside threshold, most recent: 95.0\", " +
            "\"reason_data\": {\"type\": \"threshold\", \"disposition\": \"outside\", \"count\": 3, \"most_recent\": 95.0}}",
            request.Body);
        // Same shape as the webhook Aodh 15 sent in the recorded sample: keys, order, value kinds.
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Notification", "webhook-payloads.aodh15.json")))![0]!;
        var sent = JsonNode.Parse(request.Body)!;
        Assert.Equal(recorded["json"]!.AsObject().Select(p => p.Key), sent.AsObject().Select(p => p.Key));
        Assert.Equal(recorded["json"]!["reason_data"]!.AsObject().Select(p => p.Key), sent["reason_data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(recorded["json"]!["reason"]!.GetValue<string>(), sent["reason"]!.GetValue<string>());

        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Matches("^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", request.Headers["x-openstack-request-id"]);
        Assert.StartsWith("alarming/", request.Headers["User-Agent"]);
        Assert.Matches("^[0-9a-f-]{36}$", request.Headers["X-Alarming-Notification-Id"]);
        var timestamp = request.Headers["X-Alarming-Timestamp"];
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(NotifyingHostFixture.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Headers["X-Alarming-Signature"]);
    }

    [Fact]
    public async Task ProjectWithoutASecret_IsNotSigned()
    {
        var path = $"/plain/{Guid.NewGuid():N}";
        await NotifyMessages.SendAsync(host, Receiver.Url(path));
        await Eventually.TrueAsync(() => Task.FromResult(Receiver.To(path).Count == 1), "the webhook");
        Assert.False(Receiver.To(path).Single().Headers.ContainsKey("X-Alarming-Signature"));
    }

    [Fact]
    public async Task ReceiverFailingOnce_GetsTheSameNotificationIdTwice_AndNoThirdCall()
    {
        var path = $"/fail-first/1/{Guid.NewGuid():N}";
        var notificationId = await NotifyMessages.SendAsync(host, Receiver.Url(path));
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 1, "the delivery");
        var calls = Receiver.To(path);
        Assert.Equal(2, calls.Count);
        Assert.Equal(ActionOutcome.Delivered, (await OutcomesAsync(notificationId)).Single().Status);
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.NotEqual(calls[0].Headers["x-openstack-request-id"], calls[1].Headers["x-openstack-request-id"]);
    }

    [Fact]
    public async Task DuplicateCopiesOfOneNotification_CallTheReceiverOnce()
    {
        var path = $"/slow/500/{Guid.NewGuid():N}";
        var notificationId = await NotifyMessages.SendCopiesAsync(host, 3, Receiver.Url(path));
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 1, "the delivery");
        await host.WaitForIdleAsync(QueueNames.Notify);
        Assert.Single(Receiver.To(path));
    }

    [Fact]
    public async Task ThreeActions_TheMiddleFailing_TheOthersRunOnce_AndTheMessageEndsInPoison()
    {
        var unique = Guid.NewGuid().ToString("N");
        string[] paths = [$"/first/{unique}", $"/status/500/{unique}", $"/third/{unique}"];
        var poison = new QueueProbe(host.Storage, QueueNames.Notify + "-poison");
        var poisoned = await poison.CountAsync();
        var notificationId = await NotifyMessages.SendAsync(host, paths.Select(Receiver.Url).ToArray());

        await Eventually.TrueAsync(async () => await poison.CountAsync() > poisoned, "the message to reach the poison queue");
        Assert.Single(Receiver.To(paths[0]));
        Assert.Equal(5, Receiver.To(paths[1]).Count);   // host.json maxDequeueCount
        Assert.Single(Receiver.To(paths[2]));
        var outcomes = await OutcomesAsync(notificationId);
        Assert.Equal([0, 2], outcomes.Select(o => o.Index).Order());
        Assert.All(outcomes, o => Assert.Equal(ActionOutcome.Delivered, o.Status));
    }

    [Fact]
    public async Task SilentReceiver_IsAbandonedAfterTheTimeout_AndRetried()
    {
        var path = $"/silent/{Guid.NewGuid():N}";
        await NotifyMessages.SendAsync(host, Receiver.Url(path));
        await Eventually.TrueAsync(() => Task.FromResult(Receiver.To(path).Count >= 2), "two abandoned attempts");
        // Each attempt ends when the notifier gives up after Notifier:RestTimeoutSeconds = 1.
        Assert.All(Receiver.To(path), r => Assert.InRange(r.AnsweredAfter, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ClientErrors_AreFinal_AndRedirects307AreFollowed()
    {
        var unique = Guid.NewGuid().ToString("N");
        var gone = $"/status/410/{unique}";
        var target = $"/moved-here/{unique}";
        var redirect = $"/redirect/307/{unique}";
        var notificationId = await NotifyMessages.SendAsync(host, Receiver.Url(gone), Receiver.Url(redirect) + "?to=" + Uri.EscapeDataString(Receiver.Url(target)));
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 2, "both outcomes");
        var outcomes = await OutcomesAsync(notificationId);
        Assert.Equal((ActionOutcome.Failed, "410 Gone"), (outcomes[0].Status, outcomes[0].Detail));
        Assert.Equal(ActionOutcome.Delivered, outcomes[1].Status);
        Assert.Single(Receiver.To(gone));
        Assert.Equal("POST", Receiver.To(target).Single().Method);
    }

    [Fact]
    public async Task RedirectToAPrivateAddress_IsRefused()
    {
        var redirect = $"/redirect/308/{Guid.NewGuid():N}?to=" + Uri.EscapeDataString("http://10.0.0.1:9/internal");
        var notificationId = await NotifyMessages.SendAsync(host, Receiver.Url(redirect));
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 1, "the outcome");
        var outcome = (await OutcomesAsync(notificationId)).Single();
        Assert.Equal(ActionOutcome.Failed, outcome.Status);
        Assert.Contains("10.0.0.1", outcome.Detail);
        Assert.Contains("is not an allowed webhook destination", outcome.Detail);
    }

    [Fact]
    public async Task QueueAction_PutsThePayloadOnTheNamedQueue()
    {
        var queueName = "user-alarms-" + Guid.NewGuid().ToString("N")[..8];
        var notificationId = await NotifyMessages.SendAsync(host, $"queue://{queueName}");
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 1, "the queue action");
        var client = new Azure.Storage.Queues.QueueClient(host.Storage, queueName);
        var message = (await client.ReceiveMessageAsync()).Value;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.StartsWith("{\"alarm_name\": \"cpu-high\", \"alarm_id\": ", body);
        Assert.EndsWith("\"reason_data\": {\"type\": \"threshold\", \"disposition\": \"outside\", \"count\": 3, \"most_recent\": 95.0}}", body);
    }

    [Fact]
    public async Task TestAction_IsReadBackByAdminsOnly()
    {
        var notificationId = await NotifyMessages.SendAsync(host, "test://", "log://");
        await Eventually.TrueAsync(async () => (await OutcomesAsync(notificationId)).Count == 2, "the test and log actions");
        var admin = host.As("admin", "p-admin", "admin");
        var recorded = (await admin.GetAsync("/v2/admin/test-notifications")).Json!.AsArray()
            .Single(n => n!["notification_id"]!.GetValue<string>() == notificationId)!;
        Assert.Equal("test://", recorded["action"]!.GetValue<string>());
        Assert.Equal("alarm", recorded["current"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await host.NewProject().GetAsync("/v2/admin/test-notifications")).Status);
    }
}
