using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Clients;

/// <summary>The seed document's <c>aodh alarm create --type threshold</c> command, verbatim but for the
/// host and ids, and the rows the CLI prints for it.</summary>
public sealed class LegacyThresholdCliTests(ApiOnlyHostFixture host) : IClassFixture<ApiOnlyHostFixture>
{
    private const string Instance = "7a4822c5-9fd4-44af-a54e-daef65650ca7";

    [CliFact("aodh", "python3-aodhclient")]
    public async Task SeedCommand_IsAccepted_AndShowPrintsTheDocumentsRows()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var cli = OpenStackCli.Aodh(host.BaseAddress, "u-seed", project, "member");
        var route = "http://127.0.0.1:10001/r/testapp/hello";

        var created = await cli.RunAsync("alarm", "create", "--type", "threshold", "--name", "cpu_high", "--description", "instance running hot",
            "--meter-name", "cpu_util", "--threshold", "20.0", "--comparison-operator", "gt", "--statistic", "max",
            "--period", "600", "--evaluation-periods", "1", "--alarm-action", route, "--query", $"resource_id={Instance}");
        Assert.True(created.ExitCode == 0, created.Error);

        var shown = (await cli.JsonAsync("alarm", "show", "cpu_high")).AsObject();
        Assert.Equal(
            ["alarm_actions", "alarm_id", "comparison_operator", "description", "enabled", "evaluate_timestamp", "evaluation_periods",
             "exclude_outliers", "insufficient_data_actions", "meter_name", "name", "ok_actions", "period", "project_id", "query",
             "repeat_actions", "severity", "state", "state_reason", "state_timestamp", "statistic", "threshold", "time_constraints",
             "timestamp", "type", "user_id"],
            shown.Select(p => p.Key).Order(StringComparer.Ordinal));
        string Cell(string key) => shown[key] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : shown[key]!.ToJsonString();
        Assert.Equal($"[\"{route}\"]", Cell("alarm_actions"));
        Assert.Equal("gt", Cell("comparison_operator"));
        Assert.Equal("instance running hot", Cell("description"));
        Assert.Equal("true", Cell("enabled"));
        Assert.Equal("1", Cell("evaluation_periods"));
        Assert.Equal("false", Cell("exclude_outliers"));
        Assert.Equal("[]", Cell("insufficient_data_actions"));
        Assert.Equal("cpu_util", Cell("meter_name"));
        Assert.Equal("600", Cell("period"));
        Assert.Equal($"resource_id = {Instance} AND\nproject_id = {project}", Cell("query"));
        Assert.Equal("false", Cell("repeat_actions"));
        Assert.Equal("low", Cell("severity"));
        Assert.Equal("insufficient data", Cell("state"));
        Assert.Equal("Not evaluated yet", Cell("state_reason"));
        Assert.Equal("max", Cell("statistic"));
        Assert.Equal("20.0", Cell("threshold"));
        Assert.Equal("[]", Cell("time_constraints"));
        Assert.Equal("threshold", Cell("type"));
        Assert.Equal(project, Cell("project_id"));
        Assert.Equal("u-seed", Cell("user_id"));

        var updated = await cli.JsonAsync("alarm", "update", "cpu_high", "--threshold", "30");
        Assert.Equal(30.0, updated["threshold"]!.GetValue<double>());
        Assert.Equal($"resource_id = {Instance} AND\nproject_id = {project}", updated["query"]!.GetValue<string>());
        Assert.Equal("instance running hot", updated["description"]!.GetValue<string>());
    }

    [CliFact("aodh", "python3-aodhclient")]
    public async Task QueryVariants_SeveralTermsTypedValues_AndAReplacedQuery()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var cli = OpenStackCli.Aodh(host.BaseAddress, "u-seed", project, "member");
        var api = host.As("u-seed", project, "member");

        var created = await cli.JsonAsync("alarm", "create", "--type", "threshold", "--name", "typed", "--meter-name", "cpu_util",
            "--threshold", "5", "--query", "resource_id=abc;metadata.flavor_id=string::m1.small");
        var id = created["alarm_id"]!.GetValue<string>();
        Assert.Equal("Alarm when cpu_util is eq a avg of 5.0 over 60 seconds", created["description"]!.GetValue<string>());
        Assert.Equal(
            $$"""[{"field":"resource_id","op":"eq","value":"abc","type":""},{"field":"metadata.flavor_id","op":"eq","value":"m1.small","type":"string"},{"field":"project_id","op":"eq","value":"{{project}}"}]""",
            (await api.GetAsync($"/v2/alarms/{id}")).Json!["threshold_rule"]!["query"]!.ToJsonString());

        var replaced = await cli.JsonAsync("alarm", "update", "typed", "--type", "threshold", "--query", "resource_id=other");
        Assert.Equal($"resource_id = other AND\nproject_id = {project}", replaced["query"]!.GetValue<string>());

        var untyped = await cli.RunAsync("alarm", "update", "typed", "--query", "resource_id=abc");
        Assert.NotEqual(0, untyped.ExitCode);
        Assert.Contains("Value not a valid list: resource_id=abc", untyped.Error);
    }
}
