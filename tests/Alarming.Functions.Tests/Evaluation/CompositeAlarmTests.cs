using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Evaluation;

public sealed class CompositeAlarmTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private static JsonObject Leaf(string resource, string metric) => new()
    {
        ["type"] = "gnocchi_resources_threshold", ["metric"] = metric, ["resource_id"] = resource, ["resource_type"] = "generic",
        ["comparison_operator"] = "gt", ["threshold"] = 80, ["aggregation_method"] = "mean", ["evaluation_periods"] = 2, ["granularity"] = 60,
    };

    [Fact]
    public async Task AndOfOrTree_FollowsItsLeaves()
    {
        var project = host.NewProject();
        var web = await project.CreateResourceAsync("cpu", "mem");
        var db = await project.CreateResourceAsync("cpu");
        var alarm = await project.CreateAlarmAsync(new JsonObject
        {
            ["name"] = "busy",
            ["type"] = "composite",
            ["composite_rule"] = new JsonObject
            {
                ["and"] = new JsonArray(Leaf(db, "cpu"), new JsonObject { ["or"] = new JsonArray(Leaf(web, "cpu"), Leaf(web, "mem")) }),
            },
        });
        var id = alarm["alarm_id"]!.GetValue<string>();

        var tick = host.NextTick;
        await project.PushMinutesAsync(db, "cpu", tick, 90, 95);
        await project.PushMinutesAsync(web, "cpu", tick, 10, 20);
        await project.PushMinutesAsync(web, "mem", tick, 85, 99);
        await host.TickAsync();
        var state = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
        Assert.Equal("alarm", state["state"]!.GetValue<string>());
        Assert.Equal("Composite rule alarm with composition form: (rule1 and (rule2 or rule3)) transition to alarm, due to rules: rule1, rule3 outside their threshold.",
            state["state_reason"]!.GetValue<string>());

        tick = host.NextTick;
        await project.PushMinutesAsync(db, "cpu", tick, 10, 20);
        await project.PushMinutesAsync(web, "cpu", tick, 90, 95);
        await project.PushMinutesAsync(web, "mem", tick, 85, 99);
        await host.TickAsync();
        state = (await project.GetAsync($"/v2/alarms/{id}")).Json!;
        Assert.Equal("ok", state["state"]!.GetValue<string>());
        Assert.Equal("Composite rule alarm with composition form: (rule1 and (rule2 or rule3)) transition to ok, due to rules: rule1 inside their threshold.",
            state["state_reason"]!.GetValue<string>());
    }
}
