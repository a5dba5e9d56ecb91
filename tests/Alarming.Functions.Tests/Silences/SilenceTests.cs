using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Silences;

/// <summary><c>/v2/silences</c> against real alarms, evaluated on the fake clock, with webhooks to a
/// loopback receiver: a silence mutes notifications, never evaluation.</summary>
public sealed class SilenceTests(SilencingHostFixture host) : IClassFixture<SilencingHostFixture>
{
    private WebhookReceiver Receiver => host.Receiver;

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss");

    private static JsonObject ByName(string name) => new() { ["="] = new JsonObject { ["name"] = name } };

    private JsonObject ForAnHour(JsonObject filter) => new() { ["filter"] = filter, ["ends_at"] = At(host.Time.GetUtcNow().AddHours(1)) };

    private async Task<(string Id, string Name, string Resource, string Hook)> AlarmAsync(ApiClient project)
    {
        var resource = await project.CreateResourceAsync("cpu");
        var hook = $"/hook/{Guid.NewGuid():N}";
        var alarm = await project.CreateAlarmAsync(MetricClient.ThresholdAlarm(resource, action: Receiver.Url(hook)));
        return (alarm["alarm_id"]!.GetValue<string>(), alarm["name"]!.GetValue<string>(), resource, hook);
    }

    private async Task TickAsync(ApiClient project, string resource, params double[] values)
    {
        await project.PushMinutesAsync(resource, "cpu", host.NextTick, values);
        await host.TickAsync();
        await host.WaitForIdleAsync(QueueNames.Notify);
    }

    private async Task<JsonArray> LogAsync(ApiClient project, string alarmId, int count)
    {
        await Eventually.TrueAsync(async () => (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray().Count >= count,
            $"{count} delivery log records");
        return (await project.GetAsync($"/v2/alarms/{alarmId}/notifications")).Json!.AsArray();
    }

    [Fact]
    public async Task ASilencedBreach_SendsNothing_WhileStateAndHistoryMove_AndTheRecoveryIsSent()
    {
        var project = host.NewProject();
        var (id, name, resource, hook) = await AlarmAsync(project);
        var created = await project.PostAsync("/v2/silences", ForAnHour(ByName(name)).Also(s => s["comment"] = "db maintenance"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("active", created.Json!["state"]!.GetValue<string>());
        Assert.Equal(project.ProjectId, created.Json["project_id"]!.GetValue<string>());
        var silenceId = created.Json["silence_id"]!.GetValue<string>();

        await TickAsync(project, resource, 90, 91, 92);
        Assert.Equal("\"alarm\"", (await project.GetAsync($"/v2/alarms/{id}/state")).Text);
        var history = (await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Contains(history, h => h!["type"]!.GetValue<string>() == "state transition");
        var silenced = (await LogAsync(project, id, 1)).Single()!;
        Assert.Equal("silenced", silenced["outcome"]!.GetValue<string>());
        Assert.Equal(silenceId, silenced["silence_id"]!.GetValue<string>());
        Assert.Null(silenced["status_code"]);
        Assert.Empty(Receiver.To(hook));

        await TickAsync(project, resource, 1, 2, 3);
        Assert.Equal("ok", JsonNode.Parse(Assert.Single(Receiver.To(hook)).Body)!["current"]!.GetValue<string>());
        Assert.Equal("delivered", (await LogAsync(project, id, 2))[0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherProjectsAlarms_AreNeverSilenced_EvenWhenTheFilterNamesThem()
    {
        var mine = host.NewProject();
        var theirs = host.NewProject();
        var (id, name, resource, hook) = await AlarmAsync(theirs);
        var byId = ForAnHour(new JsonObject { ["or"] = new JsonArray(ByName(name), new JsonObject { ["="] = new JsonObject { ["alarm_id"] = id } }) });
        Assert.Equal(HttpStatusCode.Created, (await mine.PostAsync("/v2/silences", byId)).Status);
        var dryRun = await mine.PostAsync("/v2/silences?dry_run=true", byId);
        Assert.Equal("[]", dryRun.Text);
        await TickAsync(theirs, resource, 90, 91, 92);
        Assert.Single(Receiver.To(hook));
    }

    [Fact]
    public async Task ADryRun_AnswersTheAlarmsItMatchesNow_AndMakesNothing()
    {
        var project = host.NewProject();
        var first = await AlarmAsync(project);
        var second = await AlarmAsync(project);
        await AlarmAsync(project);
        var filter = new JsonObject { ["in"] = new JsonObject { ["name"] = new JsonArray(first.Name, second.Name) } };
        var dryRun = await project.PostAsync("/v2/silences?dry_run=true", ForAnHour(filter));
        Assert.Equal(HttpStatusCode.OK, dryRun.Status);
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), dryRun.Json!.AsArray().Select(i => i!.GetValue<string>()));
        var byState = await project.PostAsync("/v2/silences?dry_run=true", ForAnHour(new JsonObject { ["="] = new JsonObject { ["state"] = "alarm" } }));
        Assert.Equal("[]", byState.Text);
        Assert.Equal(HttpStatusCode.BadRequest, (await project.PostAsync("/v2/silences?dry_run=true", ForAnHour(new JsonObject()))).Status);
        Assert.Equal("[]", (await project.GetAsync("/v2/silences")).Text);
    }

    [Fact]
    public async Task BadInput_IsAnAodhError_AndMakesNothing()
    {
        var project = host.NewProject();
        async Task RefusedAsync(JsonNode? body, HttpStatusCode status, string fault)
        {
            var response = await project.PostAsync("/v2/silences", body);
            Assert.Equal(status, response.Status);
            Assert.Equal(fault, response.Fault);
        }
        await RefusedAsync(new JsonObject { ["ends_at"] = At(host.Time.GetUtcNow().AddHours(1)) }, HttpStatusCode.BadRequest,
            "Invalid input for field/attribute filter. Value: 'None'. Mandatory field missing.");
        await RefusedAsync(ForAnHour(new JsonObject()), HttpStatusCode.BadRequest,
            "Filter expression not valid: {} would silence every alarm of the project; say which alarms");
        await RefusedAsync(new JsonObject { ["filter"] = ByName("x") }, HttpStatusCode.BadRequest, "A silence needs ends_at, or a recurring schedule");
        await RefusedAsync(ForAnHour(ByName("x")).Also(s => s["schedule"] = new JsonObject { ["start"] = "nope", ["duration"] = 60 }),
            HttpStatusCode.BadRequest, "Invalid input for field/attribute start. Value: 'nope'. Exactly 5 or 6 columns has to be specified for iterator expression.");
        await RefusedAsync(ForAnHour(ByName("x")).Also(s => s["project_id"] = "p-other"), HttpStatusCode.Unauthorized, "Not Authorized to access project p-other");
        var unparsable = await project.SendAsync(HttpMethod.Post, "/v2/silences", "{nope");
        Assert.Equal(HttpStatusCode.BadRequest, unparsable.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await project.PostAsync("/v2/silences?dry_run=maybe", ForAnHour(ByName("x")))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await project.GetAsync("/v2/silences?state=asleep")).Status);
        Assert.Equal("[]", (await project.GetAsync("/v2/silences")).Text);
    }

    [Fact]
    public async Task AProjectHasAQuotaOfOpenSilences_ExpiredOnesDoNotCount()
    {
        var project = host.NewProject();
        var ids = new List<string>();
        for (var i = 0; i < SilencingHostFixture.Quota; i++)
        {
            var made = await project.PostAsync("/v2/silences", ForAnHour(ByName($"n{i}")));
            Assert.Equal(HttpStatusCode.Created, made.Status);
            ids.Add(made.Json!["silence_id"]!.GetValue<string>());
        }
        var over = await project.PostAsync("/v2/silences", ForAnHour(ByName("n")));
        Assert.Equal(HttpStatusCode.Forbidden, over.Status);
        Assert.Equal($"Silence quota exceeded for project {project.ProjectId}", over.Fault);
        Assert.Equal(HttpStatusCode.Created, (await host.NewProject().PostAsync("/v2/silences", ForAnHour(ByName("n")))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/silences/{ids[0]}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await project.PostAsync("/v2/silences", ForAnHour(ByName("n")))).Status);
    }

    [Fact]
    public async Task OnlyItsProjectAndAdminsSeeASilence_AndTheListFiltersByState()
    {
        var project = host.NewProject();
        var active = (await project.PostAsync("/v2/silences", ForAnHour(ByName("a")))).Json!["silence_id"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var later = ForAnHour(ByName("b")).Also(s =>
        {
            s["starts_at"] = At(host.Time.GetUtcNow().AddMinutes(30));
            s["schedule"] = new JsonObject { ["start"] = "0 22 * * *", ["duration"] = 3600, ["timezone"] = "Europe/Berlin" };
        });
        var pending = (await project.PostAsync("/v2/silences", later)).Json!["silence_id"]!.GetValue<string>();

        Assert.Equal([pending, active], (await project.GetAsync("/v2/silences")).Json!.AsArray().Select(s => s!["silence_id"]!.GetValue<string>()));
        Assert.Equal(pending, (await project.GetAsync("/v2/silences?state=pending")).Json!.AsArray().Single()!["silence_id"]!.GetValue<string>());
        Assert.Equal(active, (await project.GetAsync("/v2/silences?state=active")).Json!.AsArray().Single()!["silence_id"]!.GetValue<string>());
        var read = (await project.GetAsync($"/v2/silences/{pending}")).Json!;
        Assert.Equal("Europe/Berlin", read["schedule"]!["timezone"]!.GetValue<string>());
        Assert.Equal("0 22 * * *", read["schedule"]!["start"]!.GetValue<string>());

        var other = host.NewProject();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v2/silences/{active}")).Status);
        Assert.Equal($"Silence {active} not found", (await other.DeleteAsync($"/v2/silences/{active}")).Fault);
        Assert.Equal("[]", (await other.GetAsync("/v2/silences")).Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync($"/v2/silences?project_id={project.ProjectId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/v2/silences?all_projects=true")).Status);

        var admin = host.NewProject("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v2/silences/{active}")).Status);
        Assert.Equal(2, (await admin.GetAsync($"/v2/silences?project_id={project.ProjectId}")).Json!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v2/silences/{active}")).Status);
        Assert.Equal("expired", (await project.GetAsync($"/v2/silences/{active}")).Json!["state"]!.GetValue<string>());
    }
}
