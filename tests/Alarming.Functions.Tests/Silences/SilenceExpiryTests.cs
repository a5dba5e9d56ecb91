using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Silences;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Silences;

/// <summary>What a silence kept back is sent once when it ends, and recurring windows keep local time; alarms
/// keep the state they were given (no evaluation), notifications are put on the queue as the evaluator would.</summary>
public sealed class SilenceExpiryTests(NotifierOnlyHostFixture host) : IClassFixture<NotifierOnlyHostFixture>
{
    private WebhookReceiver Receiver => host.Receiver;

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss");

    private static JsonObject ById(string alarmId) => new() { ["="] = new JsonObject { ["alarm_id"] = alarmId } };

    private async Task<(string Id, string Hook)> AlarmAsync(ApiClient project, string state)
    {
        var hook = $"/hook/{Guid.NewGuid():N}";
        var body = MetricClient.ThresholdAlarm("vm-1", action: Receiver.Url(hook)).Also(a => a["state"] = state);
        return ((await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>(), hook);
    }

    private async Task<string> SilenceAsync(ApiClient project, JsonObject silence)
    {
        var made = await project.PostAsync("/v2/silences", silence);
        Assert.Equal(HttpStatusCode.Created, made.Status);
        return made.Json!["silence_id"]!.GetValue<string>();
    }

    private async Task<JsonArray> LogAsync(ApiClient project, string alarmId, int count)
    {
        await Eventually.TrueAsync(async () => (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray().Count >= count,
            $"{count} delivery log records");
        return (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray();
    }

    private async Task MoveAsync(ApiClient project, string alarmId, string previous, string current, string hook)
    {
        await NotifyMessages.SendMoveAsync(host, alarmId, project.ProjectId, previous, current, Receiver.Url(hook));
        await host.WaitForIdleAsync(QueueNames.Notify);
    }

    /// <summary>Moves the clock to the next second 30, when <see cref="ResendSilencedFunction"/> runs, and waits for it and the notifier.</summary>
    private async Task ResendAsync()
    {
        var now = host.Time.GetUtcNow();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 30, TimeSpan.Zero);
        at = at <= now ? at.AddMinutes(1) : at;
        host.Time.Advance(at - now);
        await Eventually.TrueAsync(() => Task.FromResult(host.Activity.LastHandled(ResendSilencedFunction.Name) >= at), "the resend timer");
        await host.WaitForIdleAsync(QueueNames.Notify);
    }

    [Fact]
    public async Task AtItsEnd_AnAlarmStillInTheSilencedState_GetsItsNotificationOnce_AndOneThatMovedOnDoesNot()
    {
        var project = host.NewProject();
        var still = await AlarmAsync(project, "alarm");
        var recovered = await AlarmAsync(project, "alarm");
        var filter = new JsonObject { ["or"] = new JsonArray(ById(still.Id), ById(recovered.Id)) };
        var silenceId = await SilenceAsync(project, new JsonObject { ["filter"] = filter, ["ends_at"] = At(host.Time.GetUtcNow().AddSeconds(50)) });
        await MoveAsync(project, still.Id, "ok", "alarm", still.Hook);
        await MoveAsync(project, recovered.Id, "ok", "alarm", recovered.Hook);
        Assert.Equal("silenced", (await LogAsync(project, still.Id, 1))[0]!["outcome"]!.GetValue<string>());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{recovered.Id}/state", JsonValue.Create("ok"))).Status);

        // Ends within 50 s: of three runs, a minute apart, at least the last two come after the end.
        await ResendAsync();
        await ResendAsync();
        await ResendAsync();
        var resent = JsonNode.Parse(Assert.Single(Receiver.To(still.Hook)).Body)!;
        Assert.Equal("alarm", resent["current"]!.GetValue<string>());
        Assert.Equal("ok", resent["previous"]!.GetValue<string>());
        Assert.EndsWith($" (silenced notification sent when silence {silenceId} ended)", resent["reason"]!.GetValue<string>());
        Assert.Empty(Receiver.To(recovered.Hook));
        Assert.Equal("delivered", (await LogAsync(project, still.Id, 2))[0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutNotifyResolved_ARecoveryIsKeptBack_AndSentOnceWhenTheSilenceIsDeleted()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "ok");
        var silenceId = await SilenceAsync(project, new JsonObject
        {
            ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddDays(1)), ["notify_resolved"] = false,
        });
        await MoveAsync(project, id, "alarm", "ok", hook);
        Assert.Equal("silenced", (await LogAsync(project, id, 1))[0]!["outcome"]!.GetValue<string>());
        await ResendAsync();
        Assert.Empty(Receiver.To(hook));                                // still active

        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/silences/{silenceId}")).Status);
        Assert.Equal("expired", (await project.GetAsync($"/v2/silences/{silenceId}")).Json!["state"]!.GetValue<string>());
        await ResendAsync();
        await ResendAsync();
        var resent = JsonNode.Parse(Assert.Single(Receiver.To(hook)).Body)!;
        Assert.Equal("ok", resent["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheKeptNotification_IsTheTransition_NotALaterRepeat()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "alarm");
        var silenceId = await SilenceAsync(project, new JsonObject { ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddDays(1)) });
        await MoveAsync(project, id, "ok", "alarm", hook);
        await NotifyMessages.SendMoveAsync(host, id, project.ProjectId, "alarm", "alarm", Receiver.Url(hook));
        await host.WaitForIdleAsync(QueueNames.Notify);
        await LogAsync(project, id, 2);
        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/silences/{silenceId}")).Status);
        await ResendAsync();
        var resent = JsonNode.Parse(Assert.Single(Receiver.To(hook)).Body)!;
        Assert.Equal("ok", resent["previous"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAlarmThatMovedAwayAndBack_IsOwedNothing()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "alarm");
        var silenceId = await SilenceAsync(project, new JsonObject { ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddDays(1)) });
        await MoveAsync(project, id, "ok", "alarm", hook);
        await LogAsync(project, id, 1);
        foreach (var state in new[] { "ok", "alarm" })
        {
            host.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}/state", JsonValue.Create(state))).Status);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/silences/{silenceId}")).Status);
        await ResendAsync();
        await ResendAsync();
        Assert.Empty(Receiver.To(hook));
    }

    [Fact]
    public async Task WhenOneOfTwoSilencesEnds_TheOtherKeepsTheNotification_AndItsEndSendsItOnce()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "alarm");
        var first = await SilenceAsync(project, new JsonObject { ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddSeconds(20)) });
        var second = await SilenceAsync(project, new JsonObject { ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddDays(1)) });
        await MoveAsync(project, id, "ok", "alarm", hook);
        await LogAsync(project, id, 1);
        await ResendAsync();
        await ResendAsync();
        Assert.Empty(Receiver.To(hook));                                // the first ended, the second still mutes

        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/silences/{second}")).Status);
        await ResendAsync();
        await ResendAsync();
        var reason = JsonNode.Parse(Assert.Single(Receiver.To(hook)).Body)!["reason"]!.GetValue<string>();
        Assert.EndsWith($" (silenced notification sent when silence {second} ended)", reason);
        Assert.DoesNotContain(first, reason);
    }

    [Fact]
    public async Task WithNotifyResolved_ARecoveryGoesThrough()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "ok");
        await SilenceAsync(project, new JsonObject { ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddDays(1)) });
        await MoveAsync(project, id, "alarm", "ok", hook);
        Assert.Single(Receiver.To(hook));
        Assert.Equal("delivered", (await LogAsync(project, id, 1))[0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutNotifyOnExpiry_NothingIsSentAtTheEnd()
    {
        var project = host.NewProject();
        var (id, hook) = await AlarmAsync(project, "alarm");
        await SilenceAsync(project, new JsonObject
        {
            ["filter"] = ById(id), ["ends_at"] = At(host.Time.GetUtcNow().AddSeconds(20)), ["notify_on_expiry"] = false,
        });
        await MoveAsync(project, id, "ok", "alarm", hook);
        await LogAsync(project, id, 1);
        await ResendAsync();
        await ResendAsync();
        Assert.Empty(Receiver.To(hook));
    }

    [Fact]
    public async Task ARecurringWindow_KeepsLocalTimeAcrossTheChangeToSummerTime()
    {
        // 22:00-24:00 in Berlin: 21:00-23:00 UTC before 28 March 2027, 20:00-22:00 UTC after.
        var project = host.NewProject();
        var alarmId = Guid.NewGuid().ToString();
        await SilenceAsync(project, new JsonObject
        {
            ["filter"] = ById(alarmId),
            ["schedule"] = new JsonObject { ["start"] = "0 22 * * *", ["duration"] = 7200, ["timezone"] = "Europe/Berlin" },
        });
        var hook = $"/hook/{Guid.NewGuid():N}";
        async Task<string> StateAtAsync(DateTimeOffset time)
        {
            host.Time.Advance(time - host.Time.GetUtcNow());
            return (await project.GetAsync("/v2/silences")).Json!.AsArray().Single()!["state"]!.GetValue<string>();
        }
        async Task SendAtAsync(DateTimeOffset time, string state)
        {
            Assert.Equal(state, await StateAtAsync(time));
            await NotifyMessages.SendForAsync(host, alarmId, project.ProjectId, Receiver.Url(hook));
            await host.WaitForIdleAsync(QueueNames.Notify);
        }
        await SendAtAsync(new DateTimeOffset(2027, 3, 27, 22, 30, 0, TimeSpan.Zero), "active");    // 23:30 CET
        await SendAtAsync(new DateTimeOffset(2027, 3, 29, 20, 30, 0, TimeSpan.Zero), "active");    // 22:30 CEST
        await SendAtAsync(new DateTimeOffset(2027, 3, 29, 22, 30, 0, TimeSpan.Zero), "pending");   // 00:30 CEST: outside
        var log = await LogAsync(host.NewProject("admin"), alarmId, 3);
        Assert.Equal(["delivered", "silenced", "silenced"], log.Select(r => r!["outcome"]!.GetValue<string>()).ToArray());
        Assert.Single(Receiver.To(hook));
    }
}
