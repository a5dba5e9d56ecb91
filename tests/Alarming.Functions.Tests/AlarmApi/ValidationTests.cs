using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.AlarmApi;

/// <summary>Every class of bad input gets Aodh's status and faultstring, and changes nothing.</summary>
public sealed class ValidationTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { "{\"name\": \"x\", ", "Request is not in valid JSON format" },
        { "{\"name\": \"x\", \"type\": \"ceilometer\", \"ceilometer_rule\": {}}", "Unknown attribute for argument data: ceilometer_rule" },
        { "{\"name\": \"x\", \"type\": \"threshold\", \"threshold_rule\": {}}", "Invalid input for field/attribute meter_name. Value: 'None'. Mandatory field missing." },
        { "{\"name\": \"x\", \"type\": \"bogus\", \"foo\": 1, \"bar\": 2}", "Unknown attributes for argument data: bar, foo" },
        { "{\"name\": \"x\", \"type\": \"gnocchi_resources_threshold\"}", "gnocchi_resources_threshold_rule must be set for gnocchi_resources_threshold type alarm" },
        { "{\"type\": \"event\", \"event_rule\": {}}", "Invalid input for field/attribute name. Value: 'None'. Mandatory field missing." },
        { "{\"name\": 123, \"type\": \"event\", \"event_rule\": {}}", "Invalid input for field/attribute name. Value: '123'. Wrong type. Expected '<class 'str'>', got '<class 'int'>'" },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {}, \"enabled\": \"TRUE\"}", "Value not an unambiguous boolean: TRUE" },
        { Rule("\"comparison_operator\": \"bigger\""), "Invalid input for field/attribute comparison_operator. Value: 'bigger'. Value should be one of: lt, le, eq, ne, ge, gt" },
        { Rule("\"evaluation_periods\": 0"), "Invalid input for field/attribute evaluation_periods. Value: '0'. Value should be greater or equal to 1" },
        { Rule("\"granularity\": \"3.7\""), "invalid literal for int() with base 10: '3.7'" },
        { Rule("\"colour\": \"red\""), "Unknown attribute for argument data.gnocchi_resources_threshold_rule: colour" },
        { Rule("\"aggregation_method\": \"avg\""), "aggregation_method should be in ['mean', 'sum', 'last'," },
        { "{\"name\": \"x\", \"type\": \"composite\", \"composite_rule\": {\"xor\": []}}", "Threshold rules should be combined with \"and\" or \"or\"" },
        { "{\"name\": \"x\", \"type\": \"composite\", \"composite_rule\": {\"or\": [{\"threshold\": 1, \"metric\": \"m\"}]}}", "type must be set in every rule" },
        { "{\"name\": \"x\", \"type\": \"composite\", \"composite_rule\": {\"or\": [{\"type\": \"gnocchi_resources_threshold\", \"metric\": \"m\", \"resource_id\": \"r\", \"resource_type\": \"i\", \"aggregation_method\": \"mean\", \"threshold\": false}]}}",
          "Invalid input for field/attribute threshold. Value: 'False'. Wrong type. Expected '<class 'float'>', got '<class 'bool'>'" },
        { Constraint("\"start\": \"0 11 * *\""), "Invalid input for field/attribute start. Value: '0 11 * *'. Exactly 5 or 6 columns has to be specified for iterator expression." },
        { Constraint("\"start\": \"61 * * * *\""), "Invalid input for field/attribute start. Value: '61 * * * *'. [61 * * * *] is not acceptable, out of range" },
        { Constraint("\"start\": \"0 11 * * *\", \"timezone\": \"Mars/Olympus\""), "Timezone Mars/Olympus is not valid" },
        { Constraint("\"start\": \"0 11 * * *\", \"duration\": -1"), "Invalid input for field/attribute duration. Value: '-1'. Value should be greater or equal to 0" },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": [\"http://[abc\"]}", "Unable to parse action http://[abc" },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": [\"zaqar://?topic=x\"]}", "Unsupported action zaqar://?topic=x" },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"a b\", \"value\": \"1\", \"type\": \"\"}]}}", "Query value or traits invalid: does not match regular expression" },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"n\", \"value\": \"abc\", \"type\": \"integer\"}]}}", "Unable to convert the value abc to the expected data type integer." },
        { "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"n\", \"op\": \"bigger\", \"value\": \"1\", \"type\": \"\"}]}}",
          "Query value or traits invalid: value must be one of ['eq', 'ge', 'gt', 'le', 'lt', 'ne'] for dictionary value @ data['op']" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_RefusesBadBody_WithAodhMessage_AndWritesNothing(string body, string fault)
    {
        var project = host.NewProject();
        var response = await project.SendAsync(HttpMethod.Post, "/v2/alarms", body);

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Text);
        Assert.Contains(fault, response.Fault);
        Assert.Equal("Client", response.Json!["error_message"]!["faultcode"]!.GetValue<string>());
        Assert.Empty((await project.GetAsync("/v2/alarms")).Json!.AsArray());
    }

    [Fact]
    public async Task Body_TransportErrors()
    {
        var project = host.NewProject();
        var plain = await project.SendAsync(HttpMethod.Post, "/v2/alarms", "{}", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.Status);
        Assert.Equal("Unknown mimetype: text/plain", plain.Fault);

        var missing = await project.SendAsync(HttpMethod.Post, "/v2/alarms", "");
        Assert.Equal("Missing argument: \"data\"", missing.Fault);

        var huge = AlarmBodies.Threshold();
        huge["description"] = new string('x', 200_000);
        var tooLarge = await project.PostAsync("/v2/alarms", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Empty((await project.GetAsync("/v2/alarms")).Json!.AsArray());
    }

    [Fact]
    public async Task Put_WithBadBody_IsBadRequest_EvenForMissingAlarm_AndChangesNothing()
    {
        var project = host.NewProject();
        var missing = await project.SendAsync(HttpMethod.Put, "/v2/alarms/no-such-alarm", "{\"name\": \"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);

        var created = await project.CreateAlarmAsync(AlarmBodies.Threshold());
        var bad = created.DeepClone().AsObject();
        bad["gnocchi_resources_threshold_rule"]!["comparison_operator"] = "nope";
        var response = await project.PutAsync($"/v2/alarms/{created["alarm_id"]}", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(created.ToJsonString(), (await project.GetAsync($"/v2/alarms/{created["alarm_id"]}")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Create_StoresNormalisedRules_AndDefaults()
    {
        var project = host.NewProject("admin");
        var body = new JsonObject
        {
            ["name"] = "composite",
            ["type"] = "composite",
            ["alarm_actions"] = new JsonArray("log://", "http://h/x", "log://", "queue://my-alarms"),
            ["time_constraints"] = new JsonArray(new JsonObject { ["name"] = "office", ["start"] = "0 9 * * 1-5", ["duration"] = "3600", ["timezone"] = "europe/paris" }),
            ["composite_rule"] = new JsonObject
            {
                ["or"] = new JsonArray(
                    new JsonObject { ["threshold"] = "5", ["type"] = "gnocchi_aggregation_by_metrics_threshold", ["metrics"] = new JsonArray("m1"), ["aggregation_method"] = "bogus" },
                    new JsonObject { ["and"] = new JsonArray() }),
            },
        };
        var alarm = await project.CreateAlarmAsync(body);

        Assert.Equal("[\"log:\",\"http://h/x\",\"queue://my-alarms\"]", alarm["alarm_actions"]!.ToJsonString());
        // Given keys keep their place; Aodh's defaults follow in its as_dict order.
        Assert.Equal("{\"threshold\":5.0,\"metrics\":[\"m1\"],\"aggregation_method\":\"bogus\",\"granularity\":60,\"comparison_operator\":\"eq\",\"evaluation_periods\":1,\"type\":\"gnocchi_aggregation_by_metrics_threshold\"}",
            alarm["composite_rule"]!["or"]![0]!.ToJsonString());
        Assert.Equal("{\"name\":\"office\",\"description\":\"Time constraint at 0 9 * * 1-5 lasting for 3600 seconds\",\"start\":\"0 9 * * 1-5\",\"duration\":3600,\"timezone\":\"europe/paris\"}",
            alarm["time_constraints"]![0]!.ToJsonString());

        var stored = (await project.PostAsync("/v2/query/alarms", new JsonObject { ["filter"] = "{\"=\": {\"name\": \"composite\"}}" })).Json!.AsArray();
        Assert.Equal("[\"log://\",\"http://h/x\",\"queue://my-alarms\"]", stored[0]!["alarm_actions"]!.ToJsonString());
    }

    [Fact]
    public async Task ByResourcesQuery_IsScopedToTheCallersProject()
    {
        var project = host.NewProject();
        var alarm = await project.CreateAlarmAsync(new JsonObject
        {
            ["name"] = "group",
            ["type"] = "gnocchi_aggregation_by_resources_threshold",
            ["gnocchi_aggregation_by_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu", ["query"] = "{\"=\":{\"server_group\":\"g1\"}}", ["resource_type"] = "instance",
                ["threshold"] = 1, ["aggregation_method"] = "mean",
            },
        });
        Assert.Equal(
            $"{{\"and\": [{{\"=\": {{\"created_by_project_id\": \"{project.ProjectId}\"}}}}, {{\"=\": {{\"server_group\": \"g1\"}}}}]}}",
            alarm["gnocchi_aggregation_by_resources_threshold_rule"]!["query"]!.GetValue<string>());

        var bad = await project.SendAsync(HttpMethod.Post, "/v2/alarms",
            "{\"name\": \"g2\", \"type\": \"gnocchi_aggregation_by_resources_threshold\", \"gnocchi_aggregation_by_resources_threshold_rule\": {\"metric\": \"cpu\", \"query\": \"{nope\", \"resource_type\": \"instance\", \"threshold\": 1, \"aggregation_method\": \"mean\"}}");
        Assert.Equal("Invalid input for field/attribute rule/query. Value: '{nope'. ", bad.Fault);
    }

    private static string Rule(string field) =>
        "{\"name\": \"x\", \"type\": \"gnocchi_resources_threshold\", \"gnocchi_resources_threshold_rule\": {\"metric\": \"cpu\", \"resource_id\": \"r\", \"resource_type\": \"instance\", \"threshold\": 1, \"aggregation_method\": \"mean\", "
        + field + "}}";

    private static string Constraint(string fields) =>
        "{\"name\": \"x\", \"type\": \"event\", \"event_rule\": {}, \"time_constraints\": [{\"name\": \"tc\", \"duration\": 10, " + fields + "}]}";
}
