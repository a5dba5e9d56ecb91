using System.Numerics;
using System.Text.Json.Nodes;
using Alarming.Core.Events;

namespace Alarming.Core.Tests.Events;

/// <summary>Reading a canonical event: Aodh's checks and trait conversions.</summary>
public sealed class AlarmEventTests
{
    private static AlarmEvent Parse(string traits) =>
        AlarmEvent.Parse(JsonNode.Parse($$"""{"message_id": "m1", "event_type": "compute.instance.update", "traits": {{traits}}}""")!.AsObject());

    [Fact]
    public void Traits_ConvertByCodeOrName()
    {
        var parsed = Parse("""
            [["s", 1, "text"], ["i", 2, "42"], ["f", 3, "1.5"], ["d", 4, "2026-11-22T18:32:28.550214+01:00"],
             ["n", 0, null], ["iname", "integer", 7], ["fname", "float", 2], ["truncated", 2, 4.7], ["b", 1, true],
             ["float_code", 2.0, "8"], ["other", "weird", 1.0], ["under", 2, "1_000"], ["spaced", 3, " 2.5 "]]
            """);
        Assert.Equal(new TraitValue.Text("text"), parsed.Trait("s"));
        Assert.Equal(new TraitValue.Integer(42), parsed.Trait("i"));
        Assert.Equal(new TraitValue.Float(1.5), parsed.Trait("f"));
        Assert.Equal(new TraitValue.Timestamp(new DateTime(2026, 11, 22, 17, 32, 28, 550).AddTicks(2140)), parsed.Trait("d"));
        Assert.Equal(new TraitValue.Text("None"), parsed.Trait("n"));
        Assert.Equal(new TraitValue.Integer(7), parsed.Trait("iname"));
        Assert.Equal(new TraitValue.Float(2), parsed.Trait("fname"));
        Assert.Equal(new TraitValue.Integer(4), parsed.Trait("truncated"));
        Assert.Equal(new TraitValue.Text("True"), parsed.Trait("b"));
        Assert.Equal(new TraitValue.Integer(8), parsed.Trait("float_code"));
        Assert.Equal(new TraitValue.Text("1.0"), parsed.Trait("other"));
        Assert.Equal(new TraitValue.Integer(new BigInteger(1000)), parsed.Trait("under"));
        Assert.Equal(new TraitValue.Float(2.5), parsed.Trait("spaced"));
        Assert.Equal(TraitValue.None, parsed.Trait("missing"));
    }

    [Fact]
    public void Project_IsTheLastTenantOrProjectTrait()
    {
        Assert.Equal("p2", Parse("""[["project_id", 1, "p1"], ["tenant_id", 1, "p2"]]""").Project);
        Assert.Equal("", Parse("""[["user_id", 1, "u1"]]""").Project);
    }

    [Theory]
    [InlineData("""{"event_type": "x"}""", "no message_id")]
    [InlineData("""{"message_id": "m", "event_type": ""}""", "no event_type")]
    [InlineData("""{"message_id": "m", "event_type": "x", "traits": {}}""", "traits is not a list")]
    [InlineData("""{"message_id": "m", "event_type": "x", "traits": [["a", 1]]}""", "is not a list of name, type and value")]
    [InlineData("""{"message_id": "m", "event_type": "x", "traits": [["n", 2, "abc"]]}""", "cannot be converted")]
    [InlineData("""{"message_id": "m", "event_type": "x", "traits": [["n", 3, "1.5.2"]]}""", "cannot be converted")]
    [InlineData("""{"message_id": "m", "event_type": "x", "traits": [["n", 4, "yesterday"]]}""", "cannot be converted")]
    public void Malformed_IsRefusedWithTheReason(string json, string reason)
    {
        var error = Assert.Throws<MalformedEventException>(() => AlarmEvent.Parse(JsonNode.Parse(json)!.AsObject()));
        Assert.Contains(reason, error.Message);
    }
}
