using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Notification;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Notification;

/// <summary><c>GET /v2/alarms/{id}/notifications</c>: every attempt the notifier made, as it made it.</summary>
public sealed class DeliveryLogTests(NotifyingHostFixture host) : IClassFixture<NotifyingHostFixture>
{
    private WebhookReceiver Receiver => host.Receiver;

    private readonly ApiClient admin = host.As("u-admin", "p-admin", "admin");

    /// <summary>The alarm's log as an admin reads it (the alarm of a bare notify message does not exist).</summary>
    private async Task<JsonArray> LogAsync(string alarmId, string query = "")
    {
        var response = await admin.GetAsync($"/v2/alarms/{alarmId}/notifications{query}");
        return response.Status == HttpStatusCode.OK ? response.Json!.AsArray() : [];
    }

    private async Task<JsonArray> LogOfAsync(string alarmId, int count)
    {
        await Eventually.TrueAsync(async () => (await LogAsync(alarmId)).Count >= count, $"{count} delivery log records");
        return await LogAsync(alarmId);
    }

    [Fact]
    public async Task AWebhookFailingTwice_ShowsThreeAttemptsOfOneNotification_NewestFirst()
    {
        var alarmId = Guid.NewGuid().ToString();
        var notificationId = await NotifyMessages.SendForAsync(host, alarmId, "p-plain", Receiver.Url($"/fail-first/2/{Guid.NewGuid():N}"));
        var log = await LogOfAsync(alarmId, 3);
        Assert.Equal([3, 2, 1], log.Select(r => r!["attempt"]!.GetValue<int>()).ToArray());
        Assert.All(log, r => Assert.Equal(notificationId, r!["notification_id"]!.GetValue<string>()));
        Assert.Equal(["delivered", "retrying", "retrying"], log.Select(r => r!["outcome"]!.GetValue<string>()).ToArray());
        Assert.Equal([200, 500, 500], log.Select(r => r!["status_code"]!.GetValue<int>()).ToArray());
        Assert.Null(log[0]!["error"]);
        Assert.Equal("500 Internal Server Error", log[1]!["error"]!.GetValue<string>());
        Assert.Equal("ok", log[0]!["previous"]!.GetValue<string>());
        Assert.Equal("alarm", log[0]!["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWebhookThatNeverRecovers_IsFailedOnTheMessagesLastTry()
    {
        var alarmId = Guid.NewGuid().ToString();
        await NotifyMessages.SendForAsync(host, alarmId, "p-plain", Receiver.Url($"/status/503/{Guid.NewGuid():N}"));
        var log = await LogOfAsync(alarmId, NotifyAlarmFunction.HostJsonMaxDequeueCount);
        Assert.Equal([5, 4, 3, 2, 1], log.Select(r => r!["attempt"]!.GetValue<int>()).ToArray());
        Assert.Equal(["failed", "retrying", "retrying", "retrying", "retrying"], log.Select(r => r!["outcome"]!.GetValue<string>()).ToArray());
        Assert.Equal("503 Service Unavailable (retries exhausted)", log[0]!["error"]!.GetValue<string>());
        await Eventually.TrueAsync(async () => (await new QueueProbe(host.Storage, QueueNames.Notify + "-poison").TakeAllAsync())
            .Any(m => m["alarm_id"]!.GetValue<string>() == alarmId), "the message in alarm-notify-poison");
    }

    [Fact]
    public async Task Secrets_AreRedacted_ARefusedAddressAndTheOtherSchemes_SayWhatHappened()
    {
        var alarmId = Guid.NewGuid().ToString();
        var secret = Receiver.Url($"/status/200/{Guid.NewGuid():N}").Replace("http://", "http://user:pw@") + "?token=abc&x=1";
        await NotifyMessages.SendForAsync(host, alarmId, "p-plain", secret, "http://169.254.169.254/latest/meta-data", "log://");
        var log = await LogOfAsync(alarmId, 3);
        var delivered = log.Single(r => r!["outcome"]!.GetValue<string>() == "delivered")!;
        Assert.Equal($"http://***@127.0.0.1:{Receiver.Port}" + new Uri(secret).AbsolutePath + "?token=***&x=***", delivered["action"]!.GetValue<string>());
        Assert.Contains(log, r => r!["outcome"]!.GetValue<string>() == "refused" && r["action"]!.GetValue<string>() == "http://169.254.169.254/latest/meta-data");
        Assert.Contains(log, r => r!["outcome"]!.GetValue<string>() == "logged" && r["action"]!.GetValue<string>() == "log://");
    }

    [Fact]
    public async Task Pages_WithLimitAndMarker()
    {
        var alarmId = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(1));
            await NotifyMessages.SendForAsync(host, alarmId, "p-plain", "log://");
            await host.WaitForIdleAsync(QueueNames.Notify);
        }
        var all = await LogOfAsync(alarmId, 3);
        var first = await LogAsync(alarmId, "?limit=2");
        Assert.Equal(all.Take(2).Select(r => r!["record_id"]!.GetValue<string>()), first.Select(r => r!["record_id"]!.GetValue<string>()));
        var rest = await LogAsync(alarmId, "?limit=2&marker=" + Uri.EscapeDataString(first[1]!["record_id"]!.GetValue<string>()));
        Assert.Equal(all[2]!["record_id"]!.GetValue<string>(), rest.Single()!["record_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/v2/alarms/{alarmId}/notifications?limit=x")).Status);
        var unknown = await admin.GetAsync($"/v2/alarms/{alarmId}/notifications?marker=nothing");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("Marker nothing not found.", unknown.Fault);
    }

    [Fact]
    public async Task OnlyTheAlarmsProjectAndAdminsReadIt()
    {
        var project = host.NewProject();
        var alarmId = (await project.CreateAlarmAsync(MetricClient.ThresholdAlarm("vm-1")))["alarm_id"]!.GetValue<string>();
        await NotifyMessages.SendForAsync(host, alarmId, project.ProjectId, "log://");
        await LogOfAsync(alarmId, 1);
        Assert.Single((await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray());
        var other = await host.NewProject().GetAsync($"/v2/alarms/{alarmId}/notifications");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal($"Alarm {alarmId} not found", other.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await host.NewProject().GetAsync($"/v2/alarms/{Guid.NewGuid()}/notifications")).Status);

        // A deleted alarm's log stays, for admins.
        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{alarmId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Status);
        Assert.Single(await LogAsync(alarmId));
    }

    [Fact]
    public async Task RecordsOlderThanTheRetention_AreDeletedByTheHourlyTimer()
    {
        var alarmId = Guid.NewGuid().ToString();
        var old = await NotifyMessages.SendForAsync(host, alarmId, "p-plain", "log://");
        await LogOfAsync(alarmId, 1);
        host.Time.Advance(TimeSpan.FromDays(29));
        var recent = await NotifyMessages.SendForAsync(host, alarmId, "p-plain", "log://");
        var both = await LogOfAsync(alarmId, 2);
        await host.WaitForIdleAsync(QueueNames.Notify);
        var notifications = new Azure.Data.Tables.TableClient(host.Storage, "notifications");
        async Task<int> RowsAsync(string notificationId) =>
            await notifications.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{notificationId}'").CountAsync();
        Assert.Equal(2, await RowsAsync(old));   // the outcome of its one action, and its ended claim

        // Past 30 days for the first record, not for the second; the timer runs at minute 23 of every hour.
        var now = host.Time.GetUtcNow().AddDays(1).AddMinutes(1);
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 23, 0, TimeSpan.Zero);
        at = at <= now ? at.AddHours(1) : at;
        host.Time.Advance(at - host.Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(host.Activity.LastHandled(ExpireDeliveriesFunction.Name) >= at), "the retention timer");
        await Eventually.TrueAsync(async () => (await LogAsync(alarmId)).Count == 1, "the old record to go");
        Assert.Equal(both[0]!["record_id"]!.GetValue<string>(), (await LogAsync(alarmId)).Single()!["record_id"]!.GetValue<string>());
        Assert.Equal(0, await RowsAsync(old));
        Assert.Equal(2, await RowsAsync(recent));
    }
}
