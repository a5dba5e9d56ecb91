using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Rules;
using Alarming.Core.Validation;

namespace Alarming.Core.Tests.Rules;

/// <summary>The legacy <c>threshold</c> rule's API contract.</summary>
public sealed class LegacyThresholdRuleTests
{
    private static readonly Caller Member = Caller.Create("u1", "p1", "member");
    private static readonly Caller Admin = Caller.Create("u0", "p0", "admin");

    /// <summary>The body the seed documentation's command sends.</summary>
    private const string Seed = """
        {"name": "cpu_high", "type": "threshold", "description": "instance running hot",
         "alarm_actions": ["http://127.0.0.1:10001/r/testapp/hello"],
         "threshold_rule": {"meter_name": "cpu_util", "period": 600, "evaluation_periods": 1,
           "statistic": "max", "comparison_operator": "gt", "threshold": 20.0,
           "query": [{"field": "resource_id", "op": "eq", "type": "", "value": "7a4822c5-9fd4-44af-a54e-daef65650ca7"}]}}
        """;

    private static ParseResult Parse(string body, Caller? caller = null) =>
        new AlarmBodyParser(new AlarmRulesOptions(-1, null, false)).Parse(JsonNode.Parse(body), caller ?? Member, AggregationMethods.All);

    private static string Rule(string rule, string extra = "") =>
        $$"""{"name": "n", "type": "threshold", {{extra}} "threshold_rule": {{rule}}}""";

    [Fact]
    public void SeedBody_IsStoredWithTheProjectTerm_AndShownInResponseOrder()
    {
        var draft = Parse(Seed).Draft!;
        Assert.Equal(
            """{"period":600,"comparison_operator":"gt","threshold":20.0,"statistic":"max","evaluation_periods":1,"meter_name":"cpu_util","exclude_outliers":false,"query":[{"field":"resource_id","op":"eq","type":"","value":"7a4822c5-9fd4-44af-a54e-daef65650ca7"},{"field":"project_id","op":"eq","value":"p1"}]}""",
            draft.Rule.ToJsonString());
        Assert.Equal(
            """{"meter_name":"cpu_util","query":[{"field":"resource_id","op":"eq","value":"7a4822c5-9fd4-44af-a54e-daef65650ca7","type":""},{"field":"project_id","op":"eq","value":"p1"}],"period":600,"comparison_operator":"gt","threshold":20.0,"statistic":"max","evaluation_periods":1,"exclude_outliers":false}""",
            RuleRepresentation.Of("threshold", draft.Rule).ToJsonString());
        Assert.Equal("instance running hot", draft.Description);
    }

    [Fact]
    public void Defaults_AndTheDefaultDescription()
    {
        var draft = Parse(Rule("""{"meter_name": "cpu_util", "threshold": 20}""")).Draft!;
        Assert.Equal("Alarm when cpu_util is eq a avg of 20.0 over 60 seconds", draft.Description);
        Assert.Equal("""[{"field":"project_id","op":"eq","value":"p1"}]""", draft.Rule["query"]!.ToJsonString());
        Assert.Equal(1, draft.Rule["evaluation_periods"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""[{"field": "project", "op": "eq", "value": "p1"}]""", """[{"field":"project","op":"eq","value":"p1"},{"field":"project_id","op":"eq","value":"p1"}]""")]
    [InlineData("""[{"field": "project_id", "value": "p1"}]""", """[{"field":"project_id","op":"eq","value":"p1"}]""")]
    public void ProjectTerm_IsAppendedOnlyWhenNoProjectIdItem(string query, string stored) =>
        Assert.Equal(stored, Parse(Rule($$"""{"meter_name": "m", "threshold": 1, "query": {{query}}}""")).Draft!.Rule["query"]!.ToJsonString());

    [Fact]
    public void Admin_QueryIsStoredAsGiven_UnlessTheBodyNamesAnotherProject()
    {
        Assert.Equal("[]", Parse(Rule("""{"meter_name": "m", "threshold": 1}"""), Admin).Draft!.Rule["query"]!.ToJsonString());
        Assert.Equal("""[{"field":"project_id","op":"eq","value":"p9"}]""",
            Parse(Rule("""{"meter_name": "m", "threshold": 1}""", "\"project_id\": \"p9\","), Admin).Draft!.Rule["query"]!.ToJsonString());
        Assert.Equal((401, "Not Authorized to access project p8"),
            Error(Rule("""{"meter_name": "m", "threshold": 1, "query": [{"field": "project_id", "value": "p8"}]}""", "\"project_id\": \"p9\","), Admin));
    }

    private static (int, string) Error(string body, Caller? caller = null)
    {
        var error = Parse(body, caller).Error!;
        return (error.Status, error.Message);
    }

    [Theory]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "project_id", "value": "p8"}]}""", 401, "Not Authorized to access project p8")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "timestamp", "op": "gt", "value": "x"}]}""", 400, "Unknown argument: \"timestamp\": not valid for this resource")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "search_offset", "value": "1"}, {"field": "timestamp", "value": "x"}]}""", 400, "Unknown argument: \"timestamp\": not valid for this resource")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "a", "value": "b", "type": ""}, {"field": "c", "value": "d"}]}""", 400,
        "Unknown argument: \"a\": unrecognized field in query: [<Query 'a' eq 'b' >, <Query 'c' eq 'd' Unset>], valid keys: ['message_id', 'meter', 'project', 'resource', 'search_offset', 'source', 'timestamp', 'user']")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "resource_id", "op": "gt", "value": "x"}]}""", 400, "Invalid input for field/attribute op. Value: 'gt'. unimplemented operator for resource_id")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "metadata.size", "value": "x", "type": "integer"}]}""", 400, "Unable to convert the value x to the expected data type integer.")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "resource_id", "value": 5}]}""", 400, "Invalid input for field/attribute value. Value: '5'. Wrong type. Expected '<class 'str'>', got '<class 'int'>'")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "query": [{"field": "resource_id", "value": "x", "bad": 1}]}""", 400, "Unknown attribute for argument data.threshold_rule.query: bad")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "bad": 1}""", 400, "Unknown attribute for argument data.threshold_rule: bad")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "statistic": null}""", 400, "Invalid input for field/attribute statistic. Value: 'None'. Value should be one of: max, min, avg, sum, count")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "statistic": ""}""", 400, "Invalid input for field/attribute statistic. Value: ''. Value should be one of: max, min, avg, sum, count")]
    [InlineData("""{"meter_name": "m", "threshold": 1, "period": 0}""", 400, "Invalid input for field/attribute period. Value: '0'. Value should be greater or equal to 1")]
    [InlineData("""{"threshold": 1}""", 400, "Invalid input for field/attribute meter_name. Value: 'None'. Mandatory field missing.")]
    public void QueryAndFieldErrors_HaveAodhsMessages(string rule, int status, string message) =>
        Assert.Equal((status, message), Error(Rule(rule)));

    [Fact]
    public void Conversions_AndNulls()
    {
        var rule = Parse(Rule("""{"meter_name": "m", "threshold": "1e2", "evaluation_periods": 2.7, "exclude_outliers": "yes", "period": null, "query": null}""")).Draft!.Rule;
        Assert.Equal(100.0, rule["threshold"]!.GetValue<double>());
        Assert.Equal(2, rule["evaluation_periods"]!.GetValue<long>());
        Assert.True(rule["exclude_outliers"]!.GetValue<bool>());
        Assert.Equal(60, rule["period"]!.GetValue<long>());
        Assert.Equal("""[{"field":"project_id","op":"eq","value":"p1"}]""", rule["query"]!.ToJsonString());
    }

    [Fact]
    public void MissingRule_AndBothRules()
    {
        Assert.Equal((400, "threshold_rule must be set for threshold type alarm"), Error("""{"name": "n", "type": "threshold"}"""));
        Assert.Equal((400, "event_rule and threshold_rule cannot be set at the same time"),
            Error("""{"name": "n", "type": "threshold", "event_rule": {}, "threshold_rule": {"meter_name": "m", "threshold": 1}}"""));
    }

    [Fact]
    public void CompositeLeaf_IsScopedToo()
    {
        var body = """
            {"name": "c", "type": "composite", "composite_rule": {"or": [
              {"type": "threshold", "meter_name": "cpu_util", "threshold": 5},
              {"type": "gnocchi_resources_threshold", "metric": "cpu", "resource_id": "r", "resource_type": "generic", "threshold": 1, "aggregation_method": "mean"}]}}
            """;
        var leaf = Parse(body).Draft!.Rule["or"]![0]!;
        Assert.Equal(
            """{"meter_name":"cpu_util","threshold":5.0,"period":60,"comparison_operator":"eq","statistic":"avg","evaluation_periods":1,"exclude_outliers":false,"query":[{"field":"project_id","op":"eq","value":"p1"}],"type":"threshold"}""",
            leaf.ToJsonString());
        Assert.Equal((401, "Not Authorized to access project p8"), Error(body.Replace("\"threshold\": 5}", "\"threshold\": 5, \"query\": [{\"field\": \"project\", \"value\": \"p8\"}]}")));
    }
}
