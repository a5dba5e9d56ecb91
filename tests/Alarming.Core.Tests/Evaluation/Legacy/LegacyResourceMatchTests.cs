using System.Text.Json.Nodes;
using Alarming.Core.Evaluation.Legacy;
using Alarming.Core.Metrics;

namespace Alarming.Core.Tests.Evaluation.Legacy;

/// <summary>Which resources a legacy query selects.</summary>
public sealed class LegacyResourceMatchTests
{
    private static readonly Guid Id = Guid.Parse("7a4822c5-9fd4-44af-a54e-daef65650ca7");

    private static ResourceDefinition Resource(string? project = "p1", string creator = "u9:p9", JsonObject? attributes = null) =>
        new(Id, "instance", "vm-original", creator, "u1", project, default, null, default, attributes ?? [], new Dictionary<string, Guid>());

    private static bool Matches(ResourceDefinition resource, params (string Field, string Value, string? Type)[] items) =>
        LegacyResourceMatch.Matches(resource, new JsonArray(items.Select(i =>
        {
            var item = new JsonObject { ["field"] = i.Field, ["op"] = "eq", ["value"] = i.Value };
            if (i.Type is not null)
            {
                item["type"] = i.Type;
            }
            return (JsonNode?)item;
        }).ToArray()));

    [Fact]
    public void ResourceId_ByUuid_OrByOriginalId()
    {
        Assert.True(Matches(Resource(), ("resource_id", Id.ToString().ToUpperInvariant(), null)));
        Assert.True(Matches(Resource(), ("resource", "vm-original", null)));
        Assert.False(Matches(Resource(), ("resource_id", Guid.NewGuid().ToString(), null)));
    }

    [Fact]
    public void Project_FallsBackToTheCreatorsProject_OnlyWhenUnset()
    {
        Assert.True(Matches(Resource(), ("project_id", "p1", null)));
        Assert.False(Matches(Resource(), ("project_id", "p9", null)));
        Assert.True(Matches(Resource(project: null), ("project", "p9", null)));
        Assert.False(Matches(Resource(project: null), ("project_id", "p1", null)));
    }

    [Fact]
    public void AllItemsMustMatch_MeterAndSourceAlways_MessageIdNever()
    {
        Assert.True(Matches(Resource(), ("resource_id", Id.ToString(), null), ("meter", "x", null), ("source", "openstack", null)));
        Assert.False(Matches(Resource(), ("resource_id", Id.ToString(), null), ("project_id", "p2", null)));
        Assert.False(Matches(Resource(), ("message_id", "m", null)));
    }

    [Fact]
    public void Metadata_ByAttributeVariants_WithConvertedValues()
    {
        var resource = Resource(attributes: new JsonObject { ["flavor_id"] = "m1.small", ["server_group"] = "g1", ["vcpus"] = 2, ["up"] = true });
        Assert.True(Matches(resource, ("metadata.flavor.id", "m1.small", null)));
        Assert.True(Matches(resource, ("resource_metadata.user_metadata.server_group", "g1", null)));
        Assert.True(Matches(resource, ("metadata.vcpus", "2", "integer")));
        Assert.True(Matches(resource, ("metadata.vcpus", "0_2", "integer")));
        Assert.True(Matches(resource, ("metadata.vcpus", "2.0", null)));
        Assert.True(Matches(resource, ("metadata.up", "True", null)));
        Assert.False(Matches(resource, ("metadata.vcpus", "3", "integer")));
        Assert.False(Matches(resource, ("metadata.missing", "x", null)));
    }
}
