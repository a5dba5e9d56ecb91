using System.Net;
using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Tests.AlarmApi;

public sealed class AlarmLifecycleTests(ApiOnlyHostFixture host) : IClassFixture<ApiOnlyHostFixture>
{
    [Fact]
    public async Task Create_ReturnsAlarmWithAodhDefaults_AndLocation()
    {
        var project = host.NewProject();
        var response = await project.PostAsync("/v2/alarms", AlarmBodies.Threshold("cpu-high"));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var alarm = response.Json!.AsObject();
        var id = alarm["alarm_id"]!.GetValue<string>();
        Assert.Equal($"{host.BaseAddress.ToString().TrimEnd('/')}/v2/alarms/{id}", response.Header("Location"));
        Assert.StartsWith("req-", response.Header("x-openstack-request-id"));
        Assert.Equal(
            ["alarm_id", "name", "description", "enabled", "ok_actions", "alarm_actions", "insufficient_data_actions",
             "repeat_actions", "type", "time_constraints", "project_id", "user_id", "timestamp", "state", "state_timestamp",
             "state_reason", "severity", "evaluate_timestamp", "gnocchi_resources_threshold_rule"],
            alarm.Select(p => p.Key).ToArray());
        Assert.Equal("gnocchi_resources_threshold alarm rule", alarm["description"]!.GetValue<string>());
        Assert.Equal("insufficient data", alarm["state"]!.GetValue<string>());
        Assert.Equal("Not evaluated yet", alarm["state_reason"]!.GetValue<string>());
        Assert.Equal("low", alarm["severity"]!.GetValue<string>());
        Assert.Equal(project.ProjectId, alarm["project_id"]!.GetValue<string>());
        Assert.Equal(project.UserId, alarm["user_id"]!.GetValue<string>());
        Assert.Equal(PythonTimestamp.Format(host.Time.GetUtcNow()), alarm["timestamp"]!.GetValue<string>());
        Assert.Equal(alarm["timestamp"]!.GetValue<string>(), alarm["state_timestamp"]!.GetValue<string>());
        Assert.Contains("\"threshold\":80.0", response.Text);
        Assert.Contains("\"granularity\":300", response.Text);
    }

    [Fact]
    public async Task GetListUpdateDelete_RoundTrip()
    {
        var project = host.NewProject();
        var created = await project.CreateAlarmAsync(AlarmBodies.Threshold("first"));
        var id = created["alarm_id"]!.GetValue<string>();

        var got = await project.GetAsync($"/v2/alarms/{id}");
        Assert.Equal(HttpStatusCode.OK, got.Status);
        Assert.Equal(created.ToJsonString(), got.Json!.ToJsonString());

        var list = await project.GetAsync("/v2/alarms");
        Assert.Equal([id], list.Json!.AsArray().Select(a => a!["alarm_id"]!.GetValue<string>()).ToArray());

        var createdAt = PythonTimestamp.Format(host.Time.GetUtcNow());
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var update = created.DeepClone().AsObject();
        update["name"] = "renamed";
        update["severity"] = "critical";
        var put = await project.PutAsync($"/v2/alarms/{id}", update);
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal("renamed", put.Json!["name"]!.GetValue<string>());
        Assert.Equal(PythonTimestamp.Format(host.Time.GetUtcNow()), put.Json["timestamp"]!.GetValue<string>());
        Assert.Equal(createdAt, put.Json["state_timestamp"]!.GetValue<string>());

        var history = (await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Equal(["rule change", "creation"], history.Select(h => h!["type"]!.GetValue<string>()).ToArray());
        Assert.Equal("{\"name\": \"renamed\", \"severity\": \"critical\"}", history[0]!["detail"]!.GetValue<string>());
        Assert.Equal(["event_id", "alarm_id", "type", "detail", "project_id", "user_id", "on_behalf_of", "timestamp"],
            history[0]!.AsObject().Select(p => p.Key).ToArray());
        var creation = JsonNode.Parse(history[1]!["detail"]!.GetValue<string>())!.AsObject();
        Assert.Equal("first", creation["name"]!.GetValue<string>());
        Assert.Equal("rule", creation.Last().Key);
        Assert.False(creation.ContainsKey("evaluate_timestamp"));

        Assert.Equal(HttpStatusCode.NoContent, (await project.DeleteAsync($"/v2/alarms/{id}")).Status);
        var gone = await project.GetAsync($"/v2/alarms/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal($"Alarm {id} not found", gone.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await project.GetAsync($"/v2/alarms/{id}/history")).Status);
        Assert.Empty((await project.GetAsync("/v2/alarms")).Json!.AsArray());
    }

    [Fact]
    public async Task Put_OmittingFields_ResetsThemToDefaults_AndUnchangedPutRecordsNoHistory()
    {
        var project = host.NewProject();
        var body = AlarmBodies.Threshold();
        body["state"] = "alarm";
        body["severity"] = "critical";
        var created = await project.CreateAlarmAsync(body);
        var id = created["alarm_id"]!.GetValue<string>();

        var same = await project.PutAsync($"/v2/alarms/{id}", created.DeepClone());
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Single((await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray());

        var minimal = AlarmBodies.Threshold(created["name"]!.GetValue<string>());
        var put = await project.PutAsync($"/v2/alarms/{id}", minimal);
        Assert.Equal("insufficient data", put.Json!["state"]!.GetValue<string>());
        Assert.Equal("Manually set via API", put.Json["state_reason"]!.GetValue<string>());
        Assert.Equal("low", put.Json["severity"]!.GetValue<string>());
        Assert.Null(put.Json["evaluate_timestamp"]);
    }

    [Fact]
    public async Task State_SetAndGet_RecordsTransitionEveryTime()
    {
        var project = host.NewProject();
        var id = (await project.CreateAlarmAsync(AlarmBodies.Threshold()))["alarm_id"]!.GetValue<string>();

        var set = await project.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "\"ok\"");
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("\"ok\"", set.Text);
        await project.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "\"ok\"");

        var state = await project.GetAsync($"/v2/alarms/{id}/state");
        Assert.Equal("\"ok\"", state.Text);
        var history = (await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Equal(2, history.Count(h => h!["type"]!.GetValue<string>() == "state transition"));
        Assert.Equal("{\"state\": \"ok\", \"state_reason\": \"Manually set via API\"}",
            history.First(h => h!["type"]!.GetValue<string>() == "state transition")!["detail"]!.GetValue<string>());

        var bad = await project.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "{\"state\": \"ok\"}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("state invalid", bad.Fault);
        var word = await project.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "ok");
        Assert.Equal("Request is not in valid JSON format", word.Fault);
    }

    [Fact]
    public async Task DuplicateName_IsConflict_InSameProjectOnly()
    {
        var project = host.NewProject();
        await project.CreateAlarmAsync(AlarmBodies.Threshold("dup"));
        var again = await project.PostAsync("/v2/alarms", AlarmBodies.Threshold("dup"));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("Alarm with name='dup' exists", again.Fault);

        var other = host.NewProject();
        await other.CreateAlarmAsync(AlarmBodies.Threshold("dup"));

        var second = await project.CreateAlarmAsync(AlarmBodies.Threshold("second"));
        var rename = second.DeepClone().AsObject();
        rename["name"] = "dup";
        var put = await project.PutAsync($"/v2/alarms/{second["alarm_id"]}", rename);
        Assert.Equal(HttpStatusCode.Conflict, put.Status);
        Assert.Equal("second", (await project.GetAsync($"/v2/alarms/{second["alarm_id"]}")).Json!["name"]!.GetValue<string>());

        // The old name is released by a rename and by a delete.
        rename["name"] = "third";
        Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{second["alarm_id"]}", rename)).Status);
        await project.CreateAlarmAsync(AlarmBodies.Threshold("second"));
    }

    [Fact]
    public async Task Renames_MoveTheAlarmBetweenPartitions_KeepingOneAlarm_ItsId_AndTheCounts()
    {
        var project = host.NewProject();
        var names = Enumerable.Range(0, 7).Select(i => $"renamed-{i}").ToList();
        Assert.True(names.Select(n => AlarmPartition.Of(project.ProjectId, n)).Distinct().Count() > 1, "the names must span partitions");
        var alarm = await project.CreateAlarmAsync(AlarmBodies.Threshold(names[0]));
        var id = alarm["alarm_id"]!.GetValue<string>();

        var body = alarm.DeepClone().AsObject();
        foreach (var name in names.Skip(1))
        {
            body["name"] = name;
            Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{id}", body)).Status);
            Assert.Equal(name, (await project.GetAsync($"/v2/alarms/{id}")).Json!["name"]!.GetValue<string>());
        }

        Assert.Equal([id], (await project.GetAsync("/v2/alarms")).Json!.AsArray().Select(a => a!["alarm_id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await project.PostAsync("/v2/alarms", AlarmBodies.Threshold(names[^1]))).Status);
        foreach (var name in names.SkipLast(1))
        {
            await project.CreateAlarmAsync(AlarmBodies.Threshold(name));
        }
        Assert.Equal(names.Count, (await project.GetAsync("/v2/usage/alarms")).Json![0]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConcurrentCreates_WithOneName_ExactlyOneWins()
    {
        var project = host.NewProject();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => project.PostAsync("/v2/alarms", AlarmBodies.Threshold("race"))));
        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.Single((await project.GetAsync("/v2/alarms")).Json!.AsArray());
    }

    [Fact]
    public async Task SixteenConcurrentUpdates_LoseNoWrite_AndHistoryChainsEveryChange()
    {
        var project = host.NewProject();
        var created = await project.CreateAlarmAsync(AlarmBodies.Threshold("racy"));
        var id = created["alarm_id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
        {
            var body = created.DeepClone().AsObject();
            body["description"] = $"writer {i}";
            return project.PutAsync($"/v2/alarms/{id}", body);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var changes = (await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=rule%20change")).Json!.AsArray()
            .Select(h => JsonNode.Parse(h!["detail"]!.GetValue<string>())!["description"]!.GetValue<string>())
            .ToList();
        // Every writer's change is recorded once: each write replaced a version that had another description.
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"writer {i}").Order(), changes.Order());
        var final = (await project.GetAsync($"/v2/alarms/{id}")).Json!["description"]!.GetValue<string>();
        Assert.Contains(final, changes);
    }

    [Fact]
    public async Task Put_WithoutEvaluateTimestamp_RecordsTheChangedFields_RuleInTheCreationsOrder()
    {
        var project = host.NewProject();
        var resourceId = Guid.NewGuid().ToString();
        JsonObject Body(double threshold, string severity) => new()
        {
            ["name"] = "cpu-watch",
            ["type"] = "gnocchi_resources_threshold",
            ["severity"] = severity,
            ["gnocchi_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu_util", ["resource_id"] = resourceId, ["resource_type"] = "instance", ["comparison_operator"] = "gt",
                ["threshold"] = threshold, ["aggregation_method"] = "mean", ["evaluation_periods"] = 3, ["granularity"] = 60,
            },
        };
        var id = (await project.CreateAlarmAsync(Body(80, "low")))["alarm_id"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromSeconds(1));

        var put = await project.PutAsync($"/v2/alarms/{id}", Body(85.5, "moderate"));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var history = (await project.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Equal(
            "{\"severity\": \"moderate\", \"rule\": {\"granularity\": 60, \"comparison_operator\": \"gt\", \"threshold\": 85.5, " +
            $"\"aggregation_method\": \"mean\", \"evaluation_periods\": 3, \"metric\": \"cpu_util\", \"resource_id\": \"{resourceId}\", \"resource_type\": \"instance\"}}}}",
            history[0]!["detail"]!.GetValue<string>());
        Assert.EndsWith(
            "\"rule\": {\"granularity\": 60, \"comparison_operator\": \"gt\", \"threshold\": 80.0, " +
            $"\"aggregation_method\": \"mean\", \"evaluation_periods\": 3, \"metric\": \"cpu_util\", \"resource_id\": \"{resourceId}\", \"resource_type\": \"instance\"}}}}",
            history[1]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublicEndpoints_NeedNoIdentity()
    {
        var anonymous = host.As(null, null, null);
        var root = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, root.Status);
        // Aodh's json.dumps text, with its ", " and ": " separators.
        Assert.Equal(
            "{\"build\": \"4.4.2\", \"versions\": {\"values\": [{\"id\": \"v2\", \"links\": [" +
            $"{{\"href\": \"{host.BaseAddress.ToString().TrimEnd('/')}/v2\", \"rel\": \"self\"}}, " +
            "{\"href\": \"https://docs.openstack.org/\", \"rel\": \"describedby\", \"type\": \"text/html\"}], \"media-types\": [" +
            "{\"base\": \"application/json\", \"type\": \"application/vnd.openstack.telemetry-v2+json\"}, " +
            "{\"base\": \"application/xml\", \"type\": \"application/vnd.openstack.telemetry-v2+xml\"}], " +
            "\"status\": \"stable\", \"updated\": \"2013-02-13T00:00:00Z\"}]}}",
            root.Text);
        Assert.Null(root.Header("x-openstack-request-id"));

        var health = await anonymous.GetAsync("/healthcheck");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("", health.Text);

        var unauthenticated = await anonymous.GetAsync("/v2/alarms");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        Assert.Equal("Authentication required", unauthenticated.Fault);
    }

    [Fact]
    public async Task CapabilitiesAndRouting_AnswerAsAodh()
    {
        var project = host.NewProject();
        var capabilities = await project.GetAsync("/v2/capabilities/");
        Assert.Equal(HttpStatusCode.OK, capabilities.Status);
        Assert.True(capabilities.Json!["api"]!["alarms:query:complex"]!.GetValue<bool>());

        var wrongMethod = await project.SendAsync(HttpMethod.Patch, "/v2/alarms", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal("GET, POST", wrongMethod.Header("Allow"));
        Assert.Equal("The method PATCH is not allowed for this resource.", wrongMethod.Fault);
        var onAlarm = await project.SendAsync(HttpMethod.Post, "/v2/alarms/some-id", "{}");
        Assert.Equal("DELETE, GET, PUT", onAlarm.Header("Allow"));

        var unknown = await project.GetAsync("/v2/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("The resource could not be found.", unknown.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await project.GetAsync("/v2")).Status);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("name:0123")]
    [InlineData("it's%23odd")]
    public async Task BadIds_AreNotFound_ForAdminsToo(string id)
    {
        var admin = host.NewProject("admin");
        await admin.CreateAlarmAsync(AlarmBodies.Threshold());
        var response = await admin.GetAsync($"/v2/alarms/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal($"Alarm {Uri.UnescapeDataString(id)} not found", response.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/v2/alarms/{id}")).Status);
    }
}
