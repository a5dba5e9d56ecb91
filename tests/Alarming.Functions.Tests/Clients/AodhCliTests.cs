using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Clients;

/// <summary>The official client against our API, checking the values it prints.</summary>
public sealed class AodhCliTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [CliFact("aodh", "python3-aodhclient")]
    public async Task Scenario_CreateListShowUpdateStateHistoryCompositeEventSearchDelete()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var cli = OpenStackCli.Aodh(host.BaseAddress, "u-cli", project, "member");

        var created = await cli.JsonAsync("alarm", "create", "--type", "gnocchi_resources_threshold", "--name", "cpu_high",
            "--metric", "cpu", "--resource-id", "vm-1", "--resource-type", "instance", "--threshold", "10",
            "--aggregation-method", "mean", "--granularity", "300", "--comparison-operator", "gt",
            "--alarm-action", "http://127.0.0.1:9/hook");
        var id = created["alarm_id"]!.GetValue<string>();
        Assert.Equal("cpu_high", created["name"]!.GetValue<string>());
        Assert.Equal(10.0, created["threshold"]!.GetValue<double>());
        Assert.Equal(300, created["granularity"]!.GetValue<int>());
        Assert.Equal("gt", created["comparison_operator"]!.GetValue<string>());
        Assert.Equal(project, created["project_id"]!.GetValue<string>());

        var list = (await cli.JsonAsync("alarm", "list")).AsArray();
        Assert.Equal("cpu_high", list.Single()!["name"]!.GetValue<string>());
        Assert.Equal("insufficient data", list.Single()!["state"]!.GetValue<string>());

        var shown = await cli.JsonAsync("alarm", "show", "cpu_high");
        Assert.Equal(id, shown["alarm_id"]!.GetValue<string>());

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = await cli.JsonAsync("alarm", "update", "cpu_high", "--threshold", "20");
        Assert.Equal(20.0, updated["threshold"]!.GetValue<double>());
        Assert.Equal("vm-1", updated["resource_id"]!.GetValue<string>());

        Assert.Equal("insufficient data", (await cli.JsonAsync("alarm", "state", "get", id))["state"]!.GetValue<string>());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ok", (await cli.JsonAsync("alarm", "state", "set", "--state", "ok", id))["state"]!.GetValue<string>());
        Assert.Equal("ok", (await cli.JsonAsync("alarm", "state", "get", "cpu_high"))["state"]!.GetValue<string>());

        var history = (await cli.JsonAsync("alarm-history", "show", id)).AsArray();
        Assert.Equal(["state transition", "rule change", "creation"], history.Select(h => h!["type"]!.GetValue<string>()).ToArray());
        Assert.Contains("\"threshold\": 20.0", history[1]!["detail"]!.GetValue<string>());

        var composite = await cli.JsonAsync("alarm", "create", "--type", "composite", "--name", "both",
            "--composite-rule",
            "{\"or\": [{\"and\": [{\"type\": \"gnocchi_resources_threshold\", \"metric\": \"cpu\", \"resource_id\": \"vm-1\", \"resource_type\": \"instance\", \"threshold\": 90, \"aggregation_method\": \"mean\"}, " +
            "{\"type\": \"gnocchi_resources_threshold\", \"metric\": \"mem\", \"resource_id\": \"vm-1\", \"resource_type\": \"instance\", \"threshold\": 80, \"aggregation_method\": \"mean\"}]}, " +
            "{\"type\": \"gnocchi_aggregation_by_metrics_threshold\", \"metrics\": [\"m1\", \"m2\"], \"threshold\": 5, \"aggregation_method\": \"max\"}]}");
        var rule = JsonNode.Parse(composite["composite_rule"]!.GetValue<string>())!;
        Assert.Equal(90.0, rule["or"]![0]!["and"]![0]!["threshold"]!.GetValue<double>());
        Assert.Equal("gnocchi_aggregation_by_metrics_threshold", rule["or"]![1]!["type"]!.GetValue<string>());

        var eventAlarm = await cli.JsonAsync("alarm", "create", "--type", "event", "--name", "vm_down",
            "--event-type", "compute.instance.delete.*", "--query", "traits.instance_id=vm-1");
        Assert.Equal("compute.instance.delete.*", eventAlarm["event_type"]!.GetValue<string>());
        Assert.Equal("traits.instance_id = vm-1", eventAlarm["query"]!.GetValue<string>());

        var found = (await cli.JsonAsync("alarm", "list", "--query", "type=event")).AsArray();
        Assert.Equal("vm_down", found.Single()!["name"]!.GetValue<string>());
        var filtered = (await cli.JsonAsync("alarm", "list", "--filter", "name=both")).AsArray();
        Assert.Equal("both", filtered.Single()!["name"]!.GetValue<string>());

        var duplicate = await cli.RunAsync("alarm", "create", "--type", "event", "--name", "vm_down");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("Alarm with name='vm_down' exists", duplicate.Error);

        var stranger = OpenStackCli.Aodh(host.BaseAddress, "u-other", "p-" + Guid.NewGuid().ToString("N")[..8], "member");
        Assert.Empty((await stranger.JsonAsync("alarm", "list")).AsArray());
        var hidden = await stranger.RunAsync("alarm", "show", id);
        Assert.NotEqual(0, hidden.ExitCode);
        Assert.Contains("not found", hidden.Error);

        var deleted = await cli.RunAsync("alarm", "delete", "cpu_high");
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        var gone = await cli.RunAsync("alarm", "show", id);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("not found", gone.Error);
        Assert.Equal(2, (await cli.JsonAsync("alarm", "list")).AsArray().Count);
    }
}
