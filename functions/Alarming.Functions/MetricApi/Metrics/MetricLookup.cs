using Alarming.Core.Access;
using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary>Finds a metric by id (or by name on a resource) as a caller may see it; 404 otherwise.</summary>
public sealed class MetricLookup(IMetricCatalog catalog)
{
    public async Task<(MetricDefinition? Metric, IActionResult? Error)> ReadableAsync(string metricId, Caller caller, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(metricId, out var id) || await catalog.FindMetricAsync(id, cancellationToken) is not { } metric)
        {
            return (null, GnocchiResults.Error(404, $"Metric {metricId} does not exist"));
        }
        if (!MetricAccess.CanWrite(caller, metric.Creator) &&
            !(metric.ResourceId is { } rid && await catalog.FindResourceAsync(rid, cancellationToken) is { } resource && MetricAccess.CanRead(caller, resource)))
        {
            return (null, GnocchiResults.Error(404, $"Metric {metricId} does not exist"));
        }
        return (metric, null);
    }

    public async Task<(ResourceDefinition? Resource, IActionResult? Error)> ResourceAsync(string type, string resourceId, Caller caller,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.TryResolve(resourceId, MetricAccess.Creator(caller), out var id) ||
            await catalog.FindResourceAsync(id, cancellationToken) is not { } resource ||
            (type != "generic" && type != resource.Type) || !MetricAccess.CanRead(caller, resource))
        {
            return (null, GnocchiResults.Error(404, $"Resource {resourceId} does not exist"));
        }
        return (resource, null);
    }

    public async Task<(MetricDefinition? Metric, IActionResult? Error)> OnResourceAsync(string type, string resourceId, string metricName,
        Caller caller, CancellationToken cancellationToken)
    {
        var (resource, error) = await ResourceAsync(type, resourceId, caller, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }
        if (!resource!.Metrics.TryGetValue(metricName, out var id) || await catalog.FindMetricAsync(id, cancellationToken) is not { } metric)
        {
            return (null, GnocchiResults.Error(404, $"Metric {metricName} does not exist"));
        }
        return (metric, null);
    }
}
