using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary>Makes metrics: picks the archive policy (given, or by rule: <c>*</c> → <c>low</c>).</summary>
public sealed class MetricFactory(IMetricCatalog catalog)
{
    public async Task<(MetricDefinition? Metric, IActionResult? Error)> CreateAsync(
        string? name, string? unit, string? policyName, Guid? resourceId, string creator, CancellationToken cancellationToken)
    {
        if (name?.Contains('/') == true)
        {
            return (null, GnocchiResults.Invalid("'/' is not supported in metric name", "name"));
        }
        if (unit is { Length: > 31 })
        {
            return (null, GnocchiResults.Invalid("length of value must be at most 31", "unit"));
        }
        var policy = policyName ?? ArchivePolicy.DefaultPolicyName;
        if (await catalog.FindPolicyAsync(policy, cancellationToken) is null)
        {
            return (null, GnocchiResults.Error(400, $"Archive policy {policy} does not exist"));
        }
        var metric = new MetricDefinition(Guid.NewGuid(), name, unit, policy, resourceId, creator);
        await catalog.SaveMetricAsync(metric, cancellationToken);
        return (metric, null);
    }

    /// <summary>A <c>metrics</c> map entry: <c>{archive_policy_name?, unit?}</c> or an existing metric's id.</summary>
    public async Task<(MetricDefinition? Metric, IActionResult? Error)> CreateOrAttachAsync(
        string name, JsonNode? spec, Guid resourceId, string creator, CancellationToken cancellationToken)
    {
        if (spec is JsonValue value && value.TryGetValue<string>(out var id))
        {
            if (!Guid.TryParse(id, out var metricId) || await catalog.FindMetricAsync(metricId, cancellationToken) is not { } existing)
            {
                return (null, GnocchiResults.Error(400, $"Metric {id} does not exist"));
            }
            var attached = existing with { Name = name, ResourceId = resourceId };
            await catalog.SaveMetricAsync(attached, cancellationToken);
            return (attached, null);
        }
        var options = spec as JsonObject ?? [];
        return await CreateAsync(name, options["unit"]?.GetValue<string>(), options["archive_policy_name"]?.GetValue<string>(),
            resourceId, creator, cancellationToken);
    }
}
