using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;
using Alarming.Core.Python;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary>Gnocchi's JSON for resources, metrics, archive policies and measures.</summary>
internal static class MetricBodies
{
    public static JsonObject Resource(ResourceDefinition resource)
    {
        var body = new JsonObject
        {
            ["id"] = resource.Id.ToString(),
            ["type"] = resource.Type,
            ["original_resource_id"] = resource.OriginalResourceId,
            ["creator"] = resource.Creator,
            ["created_by_user_id"] = resource.CreatedByUserId,
            ["created_by_project_id"] = resource.CreatedByProjectId,
            ["user_id"] = resource.UserId,
            ["project_id"] = resource.ProjectId,
            ["started_at"] = Timestamp(resource.StartedAt),
            ["ended_at"] = resource.EndedAt is { } ended ? Timestamp(ended) : null,
            ["revision_start"] = Timestamp(resource.RevisionStart),
            ["revision_end"] = null,
            ["metrics"] = new JsonObject(resource.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value.ToString()))),
        };
        foreach (var (key, value) in resource.Attributes)
        {
            body[key] = value?.DeepClone();
        }
        return body;
    }

    public static JsonObject Metric(MetricDefinition metric, ArchivePolicy? policy = null)
    {
        var parts = metric.Creator.Split(':', 2);
        var body = new JsonObject
        {
            ["id"] = metric.Id.ToString(),
            ["name"] = metric.Name,
            ["unit"] = metric.Unit,
            ["creator"] = metric.Creator,
            ["created_by_user_id"] = parts[0],
            ["created_by_project_id"] = parts.Length > 1 ? parts[1] : "",
            ["resource_id"] = metric.ResourceId?.ToString(),
            ["archive_policy_name"] = metric.ArchivePolicyName,
        };
        if (policy is not null)
        {
            body["archive_policy"] = Policy(policy);
        }
        return body;
    }

    public static JsonObject Policy(ArchivePolicy policy) => new()
    {
        ["name"] = policy.Name,
        ["back_window"] = policy.BackWindow,
        ["definition"] = new JsonArray(policy.Definition.Select(d => (JsonNode?)new JsonObject
        {
            ["granularity"] = Timedelta(d.Granularity),
            ["points"] = d.Points,
            ["timespan"] = d.Timespan is { } t ? Timedelta(t) : null,
        }).ToArray()),
        ["aggregation_methods"] = new JsonArray(policy.AggregationMethods.Select(m => (JsonNode?)m).ToArray()),
    };

    public static JsonArray Measures(IEnumerable<MeasurePoint> points) =>
        new(points.Select(p => (JsonNode?)new JsonArray(GnocchiTime.Format(p.Timestamp), JsonNumbers.Float(p.Granularity),
            double.IsFinite(p.Value) ? JsonNumbers.Float(p.Value) : null)).ToArray());

    /// <summary>Python's <c>str(timedelta)</c>: <c>0:05:00</c>, <c>30 days, 0:00:00</c>.</summary>
    public static string Timedelta(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        var clock = $"{span.Hours}:{span.Minutes:00}:{span.Seconds:00}";
        return span.Days switch { 0 => clock, 1 => $"1 day, {clock}", var d => $"{d} days, {clock}" };
    }

    private static string Timestamp(DateTimeOffset value) => PythonTimestamp.Format(value) + "+00:00";
}
