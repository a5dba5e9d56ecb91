using System.Text.Json.Nodes;
using Alarming.Core.Events;

namespace Alarming.Core.Tests.Events;

/// <summary>Whether an event fires an event rule, and Aodh's reason when it does.</summary>
public sealed class EventRuleMatchTests
{
    private static readonly AlarmEvent Event = AlarmEvent.Parse(JsonNode.Parse("""
        {"message_id": "m1", "event_type": "compute.instance.power_on.end",
         "traits": [["instance_id", 1, "vm-1"], ["state", 1, "error"], ["vcpus", 2, 4], ["load", 3, 0.75],
                    ["launched_at", 4, "2026-11-22T17:32:28"]]}
        """)!.AsObject());

    private static JsonObject Rule(string eventType, params (string Field, string Op, string Value, string? Type)[] conditions) => new()
    {
        ["event_type"] = eventType,
        ["query"] = new JsonArray(conditions.Select(c =>
        {
            var item = new JsonObject { ["field"] = c.Field, ["op"] = c.Op, ["value"] = c.Value };
            if (c.Type is not null)
            {
                item["type"] = c.Type;
            }
            return (JsonNode?)item;
        }).ToArray()),
    };

    [Theory]
    [InlineData("compute.instance.power_on.*", true)]
    [InlineData("compute.instance.power_off.*", false)]
    [InlineData("*", true)]
    [InlineData("compute.*.end", true)]
    public void EventType_IsAShellPattern(string pattern, bool expected) => Assert.Equal(expected, EventRuleMatch.Matches(Rule(pattern), Event));

    [Theory]
    [InlineData("traits.instance_id", "eq", "vm-1", null, true)]
    [InlineData("traits.instance_id", "eq", "vm-1", "", true)]
    [InlineData("traits.instance_id", "eq", "vm-1", "string", true)]
    [InlineData("traits.instance_id", "ne", "vm-2", "string", true)]
    [InlineData("traits.vcpus", "eq", "4", "integer", true)]
    [InlineData("traits.vcpus", "ge", "4", "integer", true)]
    [InlineData("traits.vcpus", "gt", "4", "integer", false)]
    [InlineData("traits.vcpus", "lt", "4.5", "float", true)]
    [InlineData("traits.vcpus", "le", "3", "integer", false)]
    [InlineData("traits.load", "lt", "1", "integer", true)]
    [InlineData("traits.load", "eq", "0.75", "float", true)]
    [InlineData("traits.vcpus", "eq", "4", "string", false)]     // int trait vs str value: never equal
    [InlineData("traits.vcpus", "ne", "4", "string", true)]
    [InlineData("traits.missing", "ne", "x", "string", true)]    // a missing trait is None, which is ne anything
    [InlineData("traits.missing", "eq", "x", "string", false)]
    [InlineData("traits.state", "gt", "active", "string", true)]
    [InlineData("event_type", "eq", "compute.instance.power_on.end", "string", false)]  // not a trait: never holds
    [InlineData("traits.state", "eq", "True", "boolean", false)]                       // boolean: never holds
    public void Conditions_CompareAsAodhsEvaluatorDoes(string field, string op, string value, string? type, bool expected) =>
        Assert.Equal(expected, EventRuleMatch.Matches(Rule("*", (field, op, value, type)), Event));

    [Fact]
    public void AllConditionsMustHold()
    {
        Assert.True(EventRuleMatch.Matches(Rule("*", ("traits.instance_id", "eq", "vm-1", "string"), ("traits.state", "eq", "error", "string")), Event));
        Assert.False(EventRuleMatch.Matches(Rule("*", ("traits.instance_id", "eq", "vm-1", "string"), ("traits.state", "eq", "active", "string")), Event));
    }

    [Theory]
    [InlineData("traits.vcpus", "lt", "5", "string")]     // int < str
    [InlineData("traits.missing", "gt", "1", "integer")]  // None > int
    [InlineData("traits.launched_at", "gt", "2026", "string")]
    public void OrderingAcrossKinds_FailsTheAlarm(string field, string op, string value, string type) =>
        Assert.Throws<IncomparableValuesException>(() => EventRuleMatch.Matches(Rule("*", (field, op, value, type)), Event));

    [Fact]
    public void Reason_HasTheKeySortedQueryAsPythonDumpsIt()
    {
        var rule = JsonNode.Parse("""
            {"event_type": "compute.instance.power_on.*", "query": [
              {"field": "traits.instance_id", "op": "eq", "value": "vm-1", "type": "string"},
              {"field": "traits.state", "value": "error", "op": "eq"}]}
            """)!.AsObject();
        Assert.Equal("Event <id=m1,event_type=compute.instance.power_on.end> hits the query <query=[" +
                     "{\"field\": \"traits.instance_id\", \"op\": \"eq\", \"type\": \"string\", \"value\": \"vm-1\"}, " +
                     "{\"field\": \"traits.state\", \"op\": \"eq\", \"value\": \"error\"}]>.", EventRuleMatch.Reason(rule, Event));
        Assert.Equal("Event <id=m1,event_type=compute.instance.power_on.end> hits the query <query=[]>.",
            EventRuleMatch.Reason(Rule("*"), Event));
    }
}
