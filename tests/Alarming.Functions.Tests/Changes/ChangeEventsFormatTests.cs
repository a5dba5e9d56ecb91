using System.Text.Json.Nodes;
using Alarming.Core.History;
using Alarming.Functions.Changes;

namespace Alarming.Functions.Tests.Changes;

/// <summary>The envelope of Aodh's notifications, key order and timestamp forms included.</summary>
public sealed class ChangeEventsFormatTests
{
    private static readonly AlarmChange Renamed = new("e-1", "a-1", AlarmChangeTypes.RuleChange, "{\"name\": \"renamed\"}", "p1", "u1", "p1",
        new DateTimeOffset(2026, 11, 22, 18, 7, 13, TimeSpan.Zero).AddTicks(1264720), null);

    [Fact]
    public void ApiChange_HasAodhsEnvelope_WithTheDetailAsAnObject()
    {
        var text = ChangeEvents.ForChange("m-1", ChangeEvents.ApiPublisher, Renamed, detailAsText: false);
        Assert.Equal(
            "{\"message_id\": \"m-1\", \"publisher_id\": \"aodh.api\", \"event_type\": \"alarm.rule_change\", \"priority\": \"INFO\", " +
            "\"timestamp\": \"2026-11-22 18:07:13.126472\", \"payload\": {\"event_id\": \"e-1\", \"alarm_id\": \"a-1\", \"type\": \"rule change\", " +
            "\"detail\": {\"name\": \"renamed\"}, \"user_id\": \"u1\", \"project_id\": \"p1\", \"on_behalf_of\": \"p1\", " +
            "\"timestamp\": \"2026-11-22T18:07:13.126472\", \"severity\": null}}",
            text);
    }

    [Fact]
    public void EvaluatorTransition_CarriesTheDetailAsText_AndMicrosecondsAlways()
    {
        var change = new AlarmChange("e-2", "a-1", AlarmChangeTypes.StateTransition, "{\"state\": \"alarm\", \"transition_reason\": \"r\"}",
            "service", "alarming", "p1", new DateTimeOffset(2026, 1, 5, 10, 1, 0, TimeSpan.Zero), "low");
        var message = JsonNode.Parse(ChangeEvents.ForChange("m-2", ChangeEvents.EvaluatorPublisher, change, detailAsText: true))!;
        Assert.Equal("alarm.state_transition", (string?)message["event_type"]);
        Assert.Equal("aodh.evaluator", (string?)message["publisher_id"]);
        Assert.Equal("2026-01-05 10:01:00.000000", (string?)message["timestamp"]);
        Assert.Equal("2026-01-05T10:01:00.000000", (string?)message["payload"]!["timestamp"]);
        Assert.Equal("{\"state\": \"alarm\", \"transition_reason\": \"r\"}", (string?)message["payload"]!["detail"]);
        Assert.Equal("low", (string?)message["payload"]!["severity"]);
    }

    [Fact]
    public void EndEvent_CarriesTheAlarmRepresentation()
    {
        var message = JsonNode.Parse(ChangeEvents.ForAlarm("m-3", ChangeEvents.DeleteEnd, new JsonObject { ["alarm_id"] = "a-1" }, Renamed.Timestamp))!;
        Assert.Equal("alarm.delete.end", (string?)message["event_type"]);
        Assert.Equal("aodh.api", (string?)message["publisher_id"]);
        Assert.Equal("a-1", (string?)message["payload"]!["alarm_id"]);
    }
}
