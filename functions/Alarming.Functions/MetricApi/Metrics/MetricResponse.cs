using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary>A GET of one metric, by id or by name on a resource: Gnocchi loads both with the
/// metric's details, its archive policy and its resource.</summary>
internal static class MetricResponse
{
    public static async Task<IActionResult> ReadAsync(IMetricCatalog catalog, MetricDefinition metric, CancellationToken cancellationToken)
    {
        var body = MetricBodies.Metric(metric, await catalog.FindPolicyAsync(metric.ArchivePolicyName, cancellationToken));
        body["resource"] = metric.ResourceId is { } rid && await catalog.FindResourceAsync(rid, cancellationToken) is { } resource
            ? MetricBodies.Resource(resource)
            : null;
        return GnocchiResults.Json(body);
    }
}
