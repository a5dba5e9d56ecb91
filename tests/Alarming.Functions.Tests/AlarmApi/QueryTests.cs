using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.AlarmApi;

public sealed class QueryTests(ApiOnlyHostFixture host) : IClassFixture<ApiOnlyHostFixture>
{
    private async Task<(ApiClient Project, string[] Ids)> ThreeAlarmsAsync()
    {
        var project = host.NewProject();
        var ids = new List<string>();
        foreach (var (name, severity, enabled) in new[] { ("b", "critical", true), ("a", "low", false), ("c", "moderate", true) })
        {
            var body = AlarmBodies.Threshold(name);
            body["severity"] = severity;
            body["enabled"] = enabled;
            ids.Add((await project.CreateAlarmAsync(body))["alarm_id"]!.GetValue<string>());
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }
        return (project, ids.ToArray());
    }

    private static string[] Names(ApiResponse response) =>
        response.Json!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task List_FiltersSortsAndPages()
    {
        var (project, ids) = await ThreeAlarmsAsync();

        Assert.Equal(["c", "a", "b"], Names(await project.GetAsync("/v2/alarms")));  // newest first
        Assert.Equal(["a"], Names(await project.GetAsync("/v2/alarms?q.field=enabled&q.op=eq&q.value=False")));
        Assert.Equal(["b", "c"], Names(await project.GetAsync("/v2/alarms?q.field=enabled&q.value=true&sort=name")));
        Assert.Equal(["c"], Names(await project.GetAsync("/v2/alarms?q.field=name&q.value=c")));
        Assert.Equal(["b", "c", "a"], Names(await project.GetAsync("/v2/alarms?sort=severity:desc")));
        Assert.Equal(["c", "b"], Names(await project.GetAsync("/v2/alarms?sort=name:desc&limit=2")));
        Assert.Equal(["a"], Names(await project.GetAsync($"/v2/alarms?sort=name:desc&marker={ids[0]}")));
        Assert.Equal(["c", "a", "b"], Names(await project.GetAsync("/v2/alarms?q.field=state&q.value=insufficient%20data&limit=0")));
    }

    [Theory]
    [InlineData("q.field=description&q.value=x", "Invalid input for field/attribute field. Value: '{'description'}'. only fields")]
    [InlineData("q.field=name&q.op=ne&q.value=x", "Invalid input for field/attribute op. Value: '{'ne'}'. only operations {'eq'} are allowed")]
    [InlineData("q.field=name&q.value=x&q.field=name&q.value=y", "Invalid input for field/attribute field. Value: '{'name'}'. duplicate query fields are not allowed")]
    [InlineData("limit=-1", "Invalid input for field/attribute limit. Value: '-1'. it should be a positive integer.")]
    [InlineData("limit=abc", "Invalid input for field/attribute limit. Value: 'abc'. unable to convert to int. Error: invalid literal for int() with base 10: 'abc'")]
    [InlineData("sort=invalid_key:desc", "Invalid input for field/attribute sort. Value: 'invalid_key:desc'. the sort parameter should be a pair of sort key and sort dir combined with ':', or only sort key specified and sort dir will be default 'asc', the supported sort keys are: ('alarm_id', 'enabled', 'name', 'type', 'severity', 'timestamp', 'user_id', 'project_id', 'state', 'repeat_actions', 'state_timestamp')")]
    [InlineData("marker=no-such-alarm", "Marker no-such-alarm not found.")]
    public async Task List_RefusesBadQueries(string query, string fault)
    {
        var response = await host.NewProject().GetAsync("/v2/alarms?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith(fault, response.Fault);
    }

    [Fact]
    public async Task History_FiltersAndRefusesUnknownFields()
    {
        var project = host.NewProject();
        var created = await project.CreateAlarmAsync(AlarmBodies.Threshold());
        var id = created["alarm_id"]!.GetValue<string>();
        var before = Core.Python.PythonTimestamp.Format(host.Time.GetUtcNow());
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await project.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "\"alarm\"");

        var transitions = await project.GetAsync($"/v2/alarms/{id}/history?q.field=type&q.value=state%20transition");
        Assert.Single(transitions.Json!.AsArray());
        var later = await project.GetAsync($"/v2/alarms/{id}/history?q.field=timestamp&q.op=gt&q.value={before}");
        Assert.Equal("state transition", later.Json!.AsArray().Single()!["type"]!.GetValue<string>());
        var widened = await project.GetAsync($"/v2/alarms/{id}/history?q.field=timestamp&q.op=gt&q.value={before}&q.field=search_offset&q.value=5");
        Assert.Equal(2, widened.Json!.AsArray().Count);
        Assert.Equal(["creation", "state transition"],
            (await project.GetAsync($"/v2/alarms/{id}/history?sort=timestamp:asc")).Json!.AsArray().Select(h => h!["type"]!.GetValue<string>()).ToArray());

        var unknown = await project.GetAsync($"/v2/alarms/{id}/history?q.field=alarm_id&q.op=eq&q.value=x");
        Assert.Equal("Unknown argument: \"alarm_id\": unrecognized field in query: [<Query 'alarm_id' eq 'x' Unset>], valid keys: ['project', 'search_offset', 'severity', 'timestamp', 'type', 'user']", unknown.Fault);
        var badOp = await project.GetAsync($"/v2/alarms/{id}/history?q.field=timestamp&q.op=eq&q.value={before}");
        Assert.Equal("Invalid input for field/attribute op. Value: 'eq'. unimplemented operator for timestamp", badOp.Fault);
        var offsetAlone = await project.GetAsync($"/v2/alarms/{id}/history?q.field=search_offset&q.value=5");
        Assert.Equal("Invalid input for field/attribute field. Value: 'search_offset'. search_offset cannot be used without timestamp", offsetAlone.Fault);
        var badTime = await project.GetAsync($"/v2/alarms/{id}/history?q.field=timestamp&q.op=gt&q.value=yesterday");
        Assert.Equal("Invalid input for field/attribute timestamp. Value: 'yesterday'. invalid timestamp format", badTime.Fault);
    }

    [Fact]
    public async Task ComplexQuery_FiltersOrdersLimits_WithinTheCallersProject()
    {
        var (project, _) = await ThreeAlarmsAsync();
        await host.NewProject().CreateAlarmAsync(AlarmBodies.Threshold("b"));

        var all = await project.PostAsync("/v2/query/alarms", new JsonObject());
        Assert.Equal(["c", "a", "b"], Names(all));
        var filtered = await project.PostAsync("/v2/query/alarms", new JsonObject
        {
            ["filter"] = "{\"and\": [{\"in\": {\"name\": [\"a\", \"b\"]}}, {\"not\": {\"=\": {\"severity\": \"low\"}}}]}",
        });
        Assert.Equal(["b"], Names(filtered));
        var ordered = await project.PostAsync("/v2/query/alarms", new JsonObject { ["orderby"] = "[{\"name\": \"DESC\"}]", ["limit"] = 2 });
        Assert.Equal(["c", "b"], Names(ordered));
        var regex = await project.PostAsync("/v2/query/alarms", new JsonObject { ["filter"] = "{\"=~\": {\"name\": \"^[ab]$\"}}", ["orderby"] = "[{\"name\": \"asc\"}]" });
        Assert.Equal(["a", "b"], Names(regex));

        var foreign = await project.PostAsync("/v2/query/alarms", new JsonObject { ["filter"] = "{\"=\": {\"project\": \"p2\"}}" });
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.Status);
        Assert.Equal("Not Authorized to access project p2", foreign.Fault);
        var inOwn = await project.PostAsync("/v2/query/alarms", new JsonObject { ["filter"] = $"{{\"in\": {{\"project_id\": [\"{project.ProjectId}\"]}}}}" });
        Assert.Equal($"Not Authorized to access project ['{project.ProjectId}']", inOwn.Fault);
    }

    [Theory]
    [InlineData("{\"filter\": \"{\\\"and\\\": [{\\\"=\\\": {\\\"name\\\": \\\"a\\\"}}]}\"}", "Filter expression not valid: ")]
    [InlineData("{\"filter\": \"{\\\"=\\\": {\\\"colour\\\": \\\"a\\\"}}\"}", "Filter expression not valid: ")]
    [InlineData("{\"filter\": \"not json\"}", "Filter expression not valid: ")]
    [InlineData("{\"filter\": \"{\\\">\\\": {\\\"timestamp\\\": \\\"later\\\"}}\"}", "Failed to parse the timestamp value later")]
    [InlineData("{\"orderby\": \"[{\\\"name\\\": \\\"up\\\"}]\"}", "Order-by expression not valid: ")]
    [InlineData("{\"limit\": 0}", "Limit should be positive")]
    [InlineData("{\"filter\": {\"=\": {\"name\": \"a\"}}}", "Invalid input for field/attribute filter. Value: '{'=': {'name': 'a'}}'. Wrong type. Expected '<class 'str'>', got '<class 'dict'>'")]
    [InlineData("{\"where\": \"x\"}", "Unknown attribute for argument body: where")]
    public async Task ComplexQuery_RefusesBadBodies(string body, string fault)
    {
        var response = await host.NewProject().SendAsync(HttpMethod.Post, "/v2/query/alarms", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith(fault, response.Fault);
    }

    [Theory]
    [InlineData("/v2/query/alarms", "{\"filter\": \"{\\\"=\\\": {\\\"colour\\\": \\\"a\\\"}}\"}", "Filter expression not valid: 'colour' does not match any of the regexes: " +
        "'^alarm_actions$|^alarm_id$|^description$|^enabled$|^evaluate_timestamp$|^insufficient_data_actions$|^name$|^ok_actions$|^project_id$|" +
        "^repeat_actions$|^rule$|^severity$|^state$|^state_reason$|^state_timestamp$|^time_constraints$|^timestamp$|^type$|^user_id$|^user$|^project$'")]
    [InlineData("/v2/query/alarms/history", "{\"filter\": \"{\\\"=\\\": {\\\"name\\\": \\\"a\\\"}}\"}", "Filter expression not valid: 'name' does not match any of the regexes: " +
        "'^alarm_id$|^detail$|^event_id$|^on_behalf_of$|^project_id$|^severity$|^timestamp$|^type$|^user_id$|^user$|^project$'")]
    [InlineData("/v2/query/alarms/history", "{\"orderby\": \"[{\\\"name\\\": \\\"asc\\\"}]\"}", "Order-by expression not valid: 'name' does not match any of the regexes: " +
        "'^alarm_id$|^detail$|^event_id$|^on_behalf_of$|^project_id$|^severity$|^timestamp$|^type$|^user_id$|^user$|^project$'")]
    public async Task ComplexQuery_OnUnknownField_ListsTheFieldRegexes(string path, string body, string fault)
    {
        var response = await host.NewProject().SendAsync(HttpMethod.Post, path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(fault, response.Fault);
    }

    [Fact]
    public async Task HistoryComplexQuery_ShowsOnlyEntriesOnBehalfOfTheCallersProject()
    {
        var project = host.NewProject();
        var other = host.NewProject();
        var id = (await project.CreateAlarmAsync(AlarmBodies.Threshold()))["alarm_id"]!.GetValue<string>();
        await other.CreateAlarmAsync(AlarmBodies.Threshold());

        var mine = await project.PostAsync("/v2/query/alarms/history", new JsonObject());
        Assert.Equal([id], mine.Json!.AsArray().Select(h => h!["alarm_id"]!.GetValue<string>()).ToArray());
        var filtered = await project.PostAsync("/v2/query/alarms/history", new JsonObject { ["filter"] = "{\"=\": {\"type\": \"rule change\"}}" });
        Assert.Empty(filtered.Json!.AsArray());
        var admin = await host.NewProject("admin").PostAsync("/v2/query/alarms/history",
            new JsonObject { ["filter"] = $"{{\"=\": {{\"on_behalf_of\": \"{other.ProjectId}\"}}}}" });
        Assert.Single(admin.Json!.AsArray());
    }
}
