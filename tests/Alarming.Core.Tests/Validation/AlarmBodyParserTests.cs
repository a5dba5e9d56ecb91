using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Rules;
using Alarming.Core.Validation;

namespace Alarming.Core.Tests.Validation;

public sealed class AlarmBodyParserTests
{
    private static readonly Caller Member = Caller.Create("u1", "p1", "member");
    private static readonly Caller Admin = Caller.Create("u0", "p0", "admin");

    private static ParseResult Parse(string body, Caller? caller = null, AlarmRulesOptions? options = null) =>
        new AlarmBodyParser(options ?? new AlarmRulesOptions(-1, null, false)).Parse(JsonNode.Parse(body), caller ?? Member, AggregationMethods.All);

    [Fact]
    public void FillsThresholdDefaults_AndConvertsStrings()
    {
        var result = Parse("{\"name\": \"n\", \"type\": \"gnocchi_resources_threshold\", \"gnocchi_resources_threshold_rule\": {\"metric\": \"cpu\", \"resource_id\": \"r\", \"resource_type\": \"i\", \"threshold\": \"12\", \"aggregation_method\": \"mean\", \"granularity\": \"180\", \"evaluation_periods\": 3.7}}");
        Assert.Null(result.Error);
        Assert.Equal("{\"metric\":\"cpu\",\"resource_id\":\"r\",\"resource_type\":\"i\",\"comparison_operator\":\"eq\",\"threshold\":12.0,\"aggregation_method\":\"mean\",\"evaluation_periods\":3,\"granularity\":180}",
            result.Draft!.Rule.ToJsonString());
        Assert.Equal("gnocchi_resources_threshold alarm rule", result.Draft.Description);
    }

    [Theory]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"composite_rule\": {\"or\": []}}", "composite_rule and event_rule cannot be set at the same time")]
    [InlineData("{\"name\": \"n\", \"type\": \"ceilometer\"}", "Invalid input for field/attribute type. Value: 'ceilometer'. Value should be one of: composite, event, gnocchi_aggregation_by_metrics_threshold, gnocchi_aggregation_by_resources_threshold, gnocchi_resources_threshold, loadbalancer_member_health, threshold")]
    [InlineData("{\"name\": \"n\", \"type\": \"composite\", \"composite_rule\": [1]}", "Invalid input composite rule: [1], it should be a dict")]
    [InlineData("{\"name\": \"n\", \"type\": \"composite\", \"composite_rule\": {\"or\": {\"a\": 1}}}", "Invalid input composite rule: {'or': {'a': 1}}")]
    [InlineData("{\"name\": \"n\", \"type\": \"composite\", \"composite_rule\": {\"or\": [{\"type\": \"event\", \"x\": 1}]}}", "Unsupported sub-rule type :event in composite rule, should be one of: ['gnocchi_aggregation_by_metrics_threshold', 'gnocchi_aggregation_by_resources_threshold', 'gnocchi_resources_threshold', 'threshold']")]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"time_constraints\": [{\"name\": \"a\", \"start\": \"* * * * *\", \"duration\": 1}, {\"name\": \"a\", \"start\": \"* * * * *\", \"duration\": 1}]}", "Time constraint names must be unique for a given alarm.")]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": [\"trust+http://id@host/\"]}", "Unsupported action trust+http://id@host/")]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": \"http://x\"}", "Value not a valid list: http://x")]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"f\", \"value\": \"v\"}]}}", "Query value or traits invalid: value must be one of ['', 'boolean', 'float', 'integer', 'string'] for dictionary value @ data['value']")]
    [InlineData("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"f\", \"value\": \"v\", \"type\": \"bytes\"}]}}", "The data type bytes is not supported. The supported data type list is: ['integer', 'float', 'string', 'boolean', 'datetime']")]
    [InlineData("{\"name\": \"n\", \"type\": \"prometheus\", \"prometheus_rule\": {}}", "Unknown attribute for argument data: prometheus_rule")]
    [InlineData("{\"name\": \"n\", \"type\": \"gnocchi_aggregation_by_resources_threshold\", \"gnocchi_aggregation_by_resources_threshold_rule\": {\"metric\": \"cpu\", \"query\": \"{\\\"like\\\": {\\\"id\\\": \\\"a%\\\"}}\", \"resource_type\": \"i\", \"threshold\": 1, \"aggregation_method\": \"mean\"}}", "Invalid filter: like is not allowed on id")]
    public void RefusesWithAodhMessage(string body, string message)
    {
        var result = Parse(body);
        Assert.NotNull(result.Error);
        Assert.Contains(message, result.Error!.Message);
    }

    [Theory]
    [InlineData("\"bigger\"")]
    [InlineData("5")]
    [InlineData("[\"eq\"]")]
    public void EventQuery_BadOp_FailsTheRulesOwnCheck(string op)
    {
        var result = Parse($"{{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {{\"query\": [{{\"field\": \"f\", \"op\": {op}, \"value\": \"v\", \"type\": \"string\"}}]}}}}");
        Assert.Equal(new ApiError(400,
            "Query value or traits invalid: value must be one of ['eq', 'ge', 'gt', 'le', 'lt', 'ne'] for dictionary value @ data['op']"), result.Error);
    }

    [Fact]
    public void EventQuery_ChecksFieldThenOpThenType_AndANullOpIsEq()
    {
        var badFieldAndOp = Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"a b\", \"op\": \"bigger\", \"value\": \"v\"}]}}");
        Assert.Contains("@ data['field']", badFieldAndOp.Error!.Message);
        var badOpAndType = Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"f\", \"op\": \"bigger\", \"value\": \"v\"}]}}");
        Assert.Contains("@ data['op']", badOpAndType.Error!.Message);
        var nullOp = Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {\"query\": [{\"field\": \"f\", \"op\": null, \"value\": \"v\", \"type\": \"string\"}]}}");
        Assert.Equal("eq", nullOp.Draft!.Rule["query"]![0]!["op"]!.GetValue<string>());
    }

    [Fact]
    public void ActionsAreChecked_AfterRulePresence_AndAdminOnlySchemesAre401()
    {
        var missingRule = Parse("{\"name\": \"n\", \"type\": \"event\", \"alarm_actions\": [\"log://\"]}");
        Assert.Equal(400, missingRule.Error!.Status);
        var logAction = Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": [\"log://\"]}");
        Assert.Equal(new ApiError(401, "You are not authorized to create action: log://"), logAction.Error);
        Assert.Null(Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": [\"log://\"]}", Admin).Error);
    }

    [Fact]
    public void ByResourcesQuery_AdminCreatingForAnotherProject_IsScopedWithTheExternalOwner()
    {
        var result = Parse(
            "{\"name\": \"n\", \"type\": \"gnocchi_aggregation_by_resources_threshold\", \"project_id\": \"p9\", \"gnocchi_aggregation_by_resources_threshold_rule\": {\"metric\": \"cpu\", \"query\": \"{}\", \"resource_type\": \"i\", \"threshold\": 1, \"aggregation_method\": \"mean\"}}",
            Admin, new AlarmRulesOptions(-1, "ceilo", false));
        Assert.Equal(
            "{\"and\": [{\"or\": [{\"=\": {\"created_by_project_id\": \"p9\"}}, {\"and\": [{\"=\": {\"created_by_project_id\": \"ceilo\"}}, {\"=\": {\"project_id\": \"p9\"}}]}]}, {}]}",
            result.Draft!.Rule["query"]!.GetValue<string>());
    }

    [Fact]
    public void Prometheus_IsAcceptedBehindItsFlag_AndScopedToTheCaller()
    {
        var result = Parse("{\"name\": \"n\", \"type\": \"prometheus\", \"prometheus_rule\": {\"query\": \"up\", \"threshold\": 1}}",
            options: new AlarmRulesOptions(-1, null, PrometheusEnabled: true));
        Assert.Equal("{\"comparison_operator\":\"eq\",\"threshold\":1.0,\"query\":\"up\",\"scope_to_project\":\"p1\"}", result.Draft!.Rule.ToJsonString());
    }

    [Fact]
    public void ExplicitNulls_AreKept_ForOptionalAttributes()
    {
        var result = Parse("{\"name\": \"n\", \"type\": \"event\", \"event_rule\": {}, \"alarm_actions\": null, \"enabled\": null, \"description\": null}");
        Assert.True(result.Draft!.AlarmActions.Present);
        Assert.Null(result.Draft.AlarmActions.Value);
        Assert.True(result.Draft.Enabled.Present);
        Assert.Equal("Alarm when * event occurred.", result.Draft.Description);
    }
}
