using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>Valid alarm bodies to start tests from.</summary>
public static class AlarmBodies
{
    public static JsonObject Threshold(string? name = null, double threshold = 80) => new()
    {
        ["name"] = name ?? "alarm-" + Guid.NewGuid().ToString("N")[..8],
        ["type"] = "gnocchi_resources_threshold",
        ["gnocchi_resources_threshold_rule"] = new JsonObject
        {
            ["metric"] = "cpu",
            ["resource_id"] = "vm-1",
            ["resource_type"] = "instance",
            ["comparison_operator"] = "gt",
            ["threshold"] = threshold,
            ["aggregation_method"] = "mean",
            ["evaluation_periods"] = 3,
            ["granularity"] = 300,
        },
    };
}
