using System.Text.Json.Nodes;
using Alarming.Core.Events;

namespace Alarming.Core.Tests.Events;

/// <summary>Event Grid and CloudEvents events in Aodh's shape; what is refused.</summary>
public sealed class CanonicalEventTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static JsonObject From(string json) => CanonicalEvent.From(JsonNode.Parse(json), Received).Event.Json;

    [Fact]
    public void AodhEvent_IsKeptAsItIs()
    {
        const string json = """{"message_id": "m1", "event_type": "x", "generated": "2026-11-22T17:32:28.550214", "traits": [], "raw": {}, "message_signature": ""}""";
        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), From(json).ToJsonString());
    }

    [Fact]
    public void EventGridEvent_MapsIdTypeTimeSubjectTopicAndData()
    {
        var canonical = From("""
            {"id": "eg-1", "topic": "/subscriptions/s/resourceGroups/rg", "subject": "vm/web-1", "eventType": "Microsoft.Compute.VirtualMachineStopped",
             "eventTime": "2026-12-03T09:59:58.1234567+01:00", "dataVersion": "1", "metadataVersion": "1",
             "data": {"project_id": "p1", "vm": {"size": "B2s", "cores": 2, "load": 0.5, "tags": ["a"]}, "healthy": false, "gone": null}}
            """);
        Assert.Equal("eg-1", canonical["message_id"]!.GetValue<string>());
        Assert.Equal("Microsoft.Compute.VirtualMachineStopped", canonical["event_type"]!.GetValue<string>());
        Assert.Equal("2026-12-03T08:59:58.123456", canonical["generated"]!.GetValue<string>());
        Assert.Equal("""[["project_id",1,"p1"],["vm.size",1,"B2s"],["vm.cores",2,2],["vm.load",3,0.5],["healthy",1,"False"],""" +
                     """["subject",1,"vm/web-1"],["source",1,"/subscriptions/s/resourceGroups/rg"],["project_id",1,"p1"]]""",
            canonical["traits"]!.ToJsonString());
        Assert.Equal("eg-1", canonical["raw"]!["id"]!.GetValue<string>());
        Assert.Equal("p1", AlarmEvent.Parse(canonical).Project);
    }

    [Fact]
    public void CloudEvent_MapsAndTakesTheProjectFromItsExtension()
    {
        var canonical = From("""
            {"specversion": "1.0", "id": "ce-1", "source": "/monitors/web", "type": "com.example.down", "subject": "web-1",
             "projectid": "p9", "datacontenttype": "application/json", "data": {"tenant_id": "p1", "code": 503}}
            """);
        Assert.Equal("2026-12-03T10:00:00", canonical["generated"]!.GetValue<string>());   // no time: received
        Assert.Equal("""[["tenant_id",1,"p1"],["code",2,503],["subject",1,"web-1"],["source",1,"/monitors/web"],["project_id",1,"p9"]]""",
            canonical["traits"]!.ToJsonString());
        Assert.Equal("p9", AlarmEvent.Parse(canonical).Project);
    }

    [Fact]
    public void EnvelopeTraits_WinOverDataOfTheSameName()
    {
        var alarmEvent = AlarmEvent.Parse(From("""
            {"specversion": "1.0", "id": "ce-9", "source": "/real", "type": "t", "subject": "real", "data": {"subject": "fake", "source": "fake"}}
            """));
        Assert.Equal(new TraitValue.Text("real"), alarmEvent.Trait("subject"));
        Assert.Equal(new TraitValue.Text("/real"), alarmEvent.Trait("source"));
    }

    [Fact]
    public void CloudEvent_WithDataThatIsNotJson_HasNoDataTraits()
    {
        var canonical = From("""{"specversion": "1.0", "id": "ce-2", "source": "s", "type": "t", "datacontenttype": "text/plain", "data": {"a": 1}}""");
        Assert.Equal("""[["source",1,"s"]]""", canonical["traits"]!.ToJsonString());
        var base64 = From("""{"specversion": "1.0", "id": "ce-3", "source": "s", "type": "t", "data_base64": "eyJhIjogMX0="}""");
        Assert.Equal("""[["source",1,"s"]]""", base64["traits"]!.ToJsonString());
    }

    [Theory]
    [InlineData("[]", "not an object")]
    [InlineData("""{"hello": "world"}""", "not an Aodh, Event Grid or CloudEvents event")]
    [InlineData("""{"specversion": "0.3", "id": "c", "source": "s", "type": "t"}""", "specversion is not 1.0")]
    [InlineData("""{"specversion": "1.0", "id": "c", "type": "t"}""", "no source")]
    [InlineData("""{"specversion": "1.0", "source": "s", "type": "t"}""", "no id")]
    [InlineData("""{"id": "e", "eventType": "t", "eventTime": "soon"}""", "eventTime is not a time")]
    [InlineData("""{"event_type": "x", "traits": []}""", "no message_id")]
    public void Malformed_IsRefused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<MalformedEventException>(() => From(json)).Message);

    [Fact]
    public void ALargeEvent_LosesItsRaw_AndOneStillTooLargeIsRefused()
    {
        var big = new string('x', 40_000);
        var (canonical, dropped) = CanonicalEvent.From(JsonNode.Parse($$$"""{"message_id": "m", "event_type": "x", "traits": [], "raw": {"blob": "{{{big}}}"}}"""), Received);
        Assert.True(dropped);
        Assert.Equal("{}", canonical.Json["raw"]!.ToJsonString());
        Assert.Throws<MalformedEventException>(() => CanonicalEvent.From(
            JsonNode.Parse($$$"""{"message_id": "m", "event_type": "x", "traits": [["t", 1, "{{{big}}}"]], "raw": {}}"""), Received));
    }
}
