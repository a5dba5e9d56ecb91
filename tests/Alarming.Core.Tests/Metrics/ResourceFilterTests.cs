using System.Text.Json.Nodes;
using Alarming.Core.Metrics;

namespace Alarming.Core.Tests.Metrics;

public sealed class ResourceFilterTests
{
    private static readonly ResourceDefinition[] Resources =
    [
        Resource("a", "p1", "g1", null),
        Resource("b", "p2", "g1", DateTimeOffset.Parse("2026-01-02T00:00:00Z")),
        Resource("c", "p1", null, null),
    ];

    private static ResourceDefinition Resource(string name, string project, string? group, DateTimeOffset? ended) => new(
        Guid.NewGuid(), "instance", name, "u:" + project, null, project, DateTimeOffset.Parse("2026-01-01T00:00:00Z"), ended,
        DateTimeOffset.Parse("2026-01-01T00:00:00Z"), new JsonObject { ["display_name"] = name, ["server_group"] = group }, new Dictionary<string, Guid>());

    private static string[] Names(JsonNode? filter)
    {
        var matches = ResourceFilter.Parse(filter, id => id);
        return Resources.Where(matches).Select(r => r.OriginalResourceId).ToArray();
    }

    [Theory]
    [InlineData("{\"=\": {\"server_group\": \"g1\"}}", new[] { "a", "b" })]
    [InlineData("{\"!=\": {\"server_group\": \"g1\"}}", new[] { "c" })]          // != v also matches null
    [InlineData("{\"=\": {\"ended_at\": null}}", new[] { "a", "c" })]
    [InlineData("{\">\": {\"ended_at\": \"2025-01-01\"}}", new[] { "b" })]        // ordering never matches null
    [InlineData("{\"and\": [{\"=\": {\"created_by_project_id\": \"p1\"}}, {\"like\": {\"display_name\": \"_\"}}]}", new[] { "a", "c" })]
    [InlineData("{\"in\": {\"display_name\": [\"a\", \"c\"]}}", new[] { "a", "c" })]
    [InlineData("{\"not\": {\"or\": [{\"eq\": {\"display_name\": \"a\"}}, {\"≥\": {\"display_name\": \"c\"}}]}}", new[] { "b" })]
    [InlineData("{}", new[] { "a", "b", "c" })]
    public void Json_MatchesAsGnocchi(string filter, string[] expected) => Assert.Equal(expected, Names(JsonNode.Parse(filter)));

    [Theory]
    [InlineData("server_group = 'g1' and not display_name = 'b'", new[] { "a" })]
    [InlineData("display_name in ['a', 'b'] or project_id = 'p1'", new[] { "a", "b", "c" })]
    [InlineData("(display_name = a or display_name = c) and ended_at = null", new[] { "a", "c" })]
    public void Text_IsTheSameFilter(string filter, string[] expected) => Assert.Equal(expected, Names(ResourceFilterText.Parse(filter)));

    [Theory]
    [InlineData("{\"in\": {\"display_name\": []}}")]
    [InlineData("{\"like\": {\"id\": \"a%\"}}")]
    [InlineData("{\"~\": {\"display_name\": \"a\"}}")]
    public void Invalid_IsRefused(string filter) => Assert.Throws<FormatException>(() => Names(JsonNode.Parse(filter)));
}
