using System.Net;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>The built-in metric store through its Gnocchi API, as a project's client.</summary>
public static class MetricClient
{
    /// <summary>Creates a resource with one metric per name (policy <c>medium</c>: 1-minute buckets) and returns its id.</summary>
    public static async Task<string> CreateResourceAsync(this ApiClient client, params string[] metrics)
    {
        var id = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["id"] = id,
            ["project_id"] = client.ProjectId,
            ["metrics"] = new JsonObject(metrics.Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject { ["archive_policy_name"] = "medium" }))),
        };
        var response = await client.PostAsync("/v1/resource/generic", body);
        Assert.True(response.Status == HttpStatusCode.Created, response.Text);
        return id;
    }

    public static async Task PushAsync(this ApiClient client, string resourceId, string metric, params (DateTimeOffset At, double Value)[] measures)
    {
        var body = new JsonArray(measures.Select(m => (JsonNode?)new JsonObject { ["timestamp"] = m.At.ToString("O"), ["value"] = m.Value }).ToArray());
        var response = await client.PostAsync($"/v1/resource/generic/{resourceId}/metric/{metric}/measures", body);
        Assert.True(response.Status == HttpStatusCode.Accepted, response.Text);
    }

    /// <summary>One value per minute before <paramref name="tick"/>, oldest first.</summary>
    public static Task PushMinutesAsync(this ApiClient client, string resourceId, string metric, DateTimeOffset tick, params double[] values) =>
        client.PushAsync(resourceId, metric, values.Select((v, i) => (tick.AddMinutes(i - values.Length), v)).ToArray());

    public static JsonObject ThresholdAlarm(string resourceId, string op = "gt", double threshold = 80, int periods = 3, string? action = "http://127.0.0.1:9/hook") => new()
    {
        ["name"] = "alarm-" + Guid.NewGuid().ToString("N")[..8],
        ["type"] = "gnocchi_resources_threshold",
        ["alarm_actions"] = new JsonArray(action is null ? [] : [action]),
        ["ok_actions"] = new JsonArray(action is null ? [] : [action]),
        ["insufficient_data_actions"] = new JsonArray(action is null ? [] : [action]),
        ["gnocchi_resources_threshold_rule"] = new JsonObject
        {
            ["metric"] = "cpu", ["resource_id"] = resourceId, ["resource_type"] = "generic", ["comparison_operator"] = op,
            ["threshold"] = threshold, ["aggregation_method"] = "mean", ["evaluation_periods"] = periods, ["granularity"] = 60,
        },
    };
}
