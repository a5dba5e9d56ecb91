using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Alarms;
using Alarming.Core.History;
using Alarming.Core.Rules;
using Alarming.Core.Validation;

namespace Alarming.Core.Tests.History;

public sealed class AlarmChangeDetailTests
{
    private static readonly Caller Member = Caller.Create("u1", "p1", "member");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static AlarmDraft Draft(string body)
    {
        var parsed = new AlarmBodyParser(new AlarmRulesOptions(-1, null, false)).Parse(JsonNode.Parse(body), Member, AggregationMethods.All);
        Assert.Null(parsed.Error);
        return parsed.Draft!;
    }

    private static string Body(string type, string rule, string severity = "low") =>
        $"{{\"name\": \"n\", \"type\": \"{type}\", \"severity\": \"{severity}\", \"{type}_rule\": {rule}}}";

    /// <summary>The rule's text in the detail, where it is the last field.</summary>
    private static string RuleText(string detail) => detail[(detail.IndexOf("\"rule\": ", StringComparison.Ordinal) + 8)..^1];

    [Theory]
    [InlineData("gnocchi_resources_threshold",
        "{\"metric\": \"cpu\", \"resource_id\": \"r\", \"resource_type\": \"instance\", \"threshold\": 1, \"aggregation_method\": \"mean\"}",
        "{\"granularity\": 60, \"comparison_operator\": \"eq\", \"threshold\": 1.0, \"aggregation_method\": \"mean\", \"evaluation_periods\": 1, \"metric\": \"cpu\", \"resource_id\": \"r\", \"resource_type\": \"instance\"}")]
    [InlineData("gnocchi_aggregation_by_metrics_threshold",
        "{\"metrics\": [\"m1\"], \"threshold\": 1, \"aggregation_method\": \"mean\"}",
        "{\"granularity\": 60, \"comparison_operator\": \"eq\", \"threshold\": 1.0, \"aggregation_method\": \"mean\", \"evaluation_periods\": 1, \"metrics\": [\"m1\"]}")]
    [InlineData("gnocchi_aggregation_by_resources_threshold",
        "{\"metric\": \"cpu\", \"query\": \"{}\", \"resource_type\": \"instance\", \"threshold\": 1, \"aggregation_method\": \"mean\"}",
        "{\"granularity\": 60, \"comparison_operator\": \"eq\", \"threshold\": 1.0, \"aggregation_method\": \"mean\", \"evaluation_periods\": 1, \"metric\": \"cpu\", \"query\": \"{\\\"and\\\": [{\\\"=\\\": {\\\"created_by_project_id\\\": \\\"p1\\\"}}, {}]}\", \"resource_type\": \"instance\"}")]
    [InlineData("event",
        "{\"event_type\": \"compute.*\", \"query\": [{\"value\": \"v\", \"type\": \"string\", \"field\": \"f\"}, {\"field\": \"g\", \"value\": \"w\", \"type\": \"\"}]}",
        "{\"event_type\": \"compute.*\", \"query\": [{\"field\": \"f\", \"op\": \"eq\", \"type\": \"string\", \"value\": \"v\"}, {\"field\": \"g\", \"op\": \"eq\", \"type\": \"\", \"value\": \"w\"}]}")]
    [InlineData("loadbalancer_member_health",
        "{\"autoscaling_group_id\": \"g\", \"pool_id\": \"p\", \"stack_id\": \"s\"}",
        "{\"pool_id\": \"p\", \"stack_id\": \"s\", \"autoscaling_group_id\": \"g\"}")]
    public void Creation_RecordsTheRuleInAodhsAsDictOrder(string type, string rule, string expected)
    {
        var alarm = AlarmFactory.Create(Draft(Body(type, rule)), Member, "a1", Now);

        Assert.Equal(expected, RuleText(AlarmChangeDetail.Creation(alarm, evaluateTimestampGiven: false)));
    }

    [Fact]
    public void RuleChange_WithoutEvaluateTimestampInTheBody_RecordsOnlyWhatTheBodyChanged_RuleAsInTheCreation()
    {
        const string Rule = "{{\"metric\": \"cpu_util\", \"resource_id\": \"r\", \"resource_type\": \"instance\", \"comparison_operator\": \"gt\", " +
            "\"threshold\": {0}, \"aggregation_method\": \"mean\", \"evaluation_periods\": 3}}";
        var created = AlarmFactory.Create(Draft(Body("gnocchi_resources_threshold", string.Format(Rule, "80"))), Member, "a1", Now);
        var updated = AlarmFactory.Replace(created, Draft(Body("gnocchi_resources_threshold", string.Format(Rule, "85.5"), "moderate")), Member, Now.AddMinutes(1));

        var detail = AlarmChangeDetail.RuleChange(created, updated, evaluateTimestampGiven: false);

        Assert.Equal("{\"severity\": \"moderate\", \"rule\": {\"granularity\": 60, \"comparison_operator\": \"gt\", \"threshold\": 85.5, " +
            "\"aggregation_method\": \"mean\", \"evaluation_periods\": 3, \"metric\": \"cpu_util\", \"resource_id\": \"r\", \"resource_type\": \"instance\"}}",
            detail);
        Assert.Contains("\"evaluate_timestamp\": null", AlarmChangeDetail.RuleChange(created, updated, evaluateTimestampGiven: true));
    }
}
