using Alarming.Core.Access;
using Alarming.Core.Queries;

namespace Alarming.Core.Tests.Queries;

public sealed class ComplexQueryTests
{
    private sealed record Row(string Id, string Project, string Name, bool Enabled, DateTimeOffset Timestamp);

    private static readonly QueryField<Row>[] Fields =
    [
        new("alarm_id", r => r.Id), new("project_id", r => r.Project), new("name", r => r.Name),
        new("enabled", r => r.Enabled, QueryFieldKind.Boolean), new("timestamp", r => r.Timestamp, QueryFieldKind.Timestamp),
    ];

    private static readonly Row[] Rows =
    [
        new("1", "p1", "a", true, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        new("2", "p1", "b", false, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)),
        new("3", "p2", "c", true, new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero)),
    ];

    private static string[] Run(string filter, Caller caller)
    {
        var parsed = new ComplexQuery<Row>(Fields, "project_id").Parse(filter, null, null, caller);
        Assert.Null(parsed.Error);
        return Rows.Where(parsed.Value!.Matches).Select(r => r.Id).ToArray();
    }

    [Theory]
    [InlineData("{\"=\": {\"enabled\": true}}", new[] { "1", "3" })]
    [InlineData("{\"AND\": [{\">=\": {\"timestamp\": \"2026-01-02T00:00:00\"}}, {\"!=\": {\"name\": \"c\"}}]}", new[] { "2" })]
    [InlineData("{\"not\": {\"in\": {\"name\": [\"a\", \"b\"]}}}", new[] { "3" })]
    [InlineData("{\"or\": [{\"=<\": {\"name\": \"a\"}}, {\"=~\": {\"name\": \"^c\"}}]}", new[] { "1", "3" })]
    public void Admin_FiltersEverything(string filter, string[] expected) => Assert.Equal(expected, Run(filter, Caller.Create("u", "p0", "admin")));

    [Fact]
    public void Member_IsConfinedToItsProject() => Assert.Equal(["1"], Run("{\"=\": {\"enabled\": true}}", Caller.Create("u", "p1", "member")));

    [Theory]
    [InlineData("{\"and\": [{\"=\": {\"name\": \"a\"}}]}")]
    [InlineData("{\"=\": {\"name\": null}}")]
    [InlineData("{\"=\": {\"name\": \"a\", \"enabled\": true}}")]
    [InlineData("{\"in\": {\"name\": []}}")]
    [InlineData("{\"like\": {\"name\": \"a\"}}")]
    public void RefusesSchemaViolations(string filter)
    {
        var parsed = new ComplexQuery<Row>(Fields, "project_id").Parse(filter, null, null, Caller.Create("u", "p0", "admin"));
        Assert.StartsWith("Filter expression not valid: ", parsed.Error!.Message);
    }
}
