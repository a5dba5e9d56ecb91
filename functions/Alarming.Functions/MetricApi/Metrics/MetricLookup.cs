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
        var (resource, error) = await AnyTypeAsync(resourceId, caller, cancellationToken);
        if (error is null && !IsOfType(resource!, type))
        {
            return (null, ResourceMissing(resource!.Id.ToString()));
        }
        return (resource, error);
    }

    /// <remarks>Gnocchi finds a resource's metric by name whatever type the path names; the type
    /// only decides which 404 answers when the metric is not there.</remarks>
    public async Task<(MetricDefinition? Metric, IActionResult? Error)> OnResourceAsync(string type, string resourceId, string metricName,
        Caller caller, CancellationToken cancellationToken)
    {
        var (resource, error) = await AnyTypeAsync(resourceId, caller, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }
        if (resource!.Metrics.TryGetValue(metricName, out var id) && await catalog.FindMetricAsync(id, cancellationToken) is { } metric)
        {
            return (metric, null);
        }
        return (null, IsOfType(resource, type)
            ? GnocchiResults.Error(404, $"Metric {metricName} does not exist")
            : ResourceMissing(resource.Id.ToString()));
    }

    /// <remarks>Gnocchi names a missing resource by the UUID the id resolves to, and by the id as
    /// given only when it does not resolve.</remarks>
    private async Task<(ResourceDefinition? Resource, IActionResult? Error)> AnyTypeAsync(string resourceId, Caller caller,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.TryResolve(resourceId, MetricAccess.Creator(caller), out var id))
        {
            return (null, ResourceMissing(resourceId));
        }
        if (await catalog.FindResourceAsync(id, cancellationToken) is not { } resource || !MetricAccess.CanRead(caller, resource))
        {
            return (null, ResourceMissing(id.ToString()));
        }
        return (resource, null);
    }

    private static bool IsOfType(ResourceDefinition resource, string type) => type == "generic" || type == resource.Type;

    private static IActionResult ResourceMissing(string id) => GnocchiResults.Error(404, $"Resource {id} does not exist");
}
