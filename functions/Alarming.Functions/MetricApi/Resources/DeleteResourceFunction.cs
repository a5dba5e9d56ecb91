using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.MetricApi.Resources;

/// <summary><c>DELETE /v1/resource/{type}/{id}</c>: the resource and its metrics with their measures.</summary>
public sealed class DeleteResourceFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog, IMeasureStore measures,
    IOptions<MetricsOptions> options, TimeProvider time)
{
    public const string Name = "DeleteResource";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = MetricRoutes.Resource)] HttpRequest request,
        string type, string resourceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (resource, error) = await lookup.ResourceAsync(type, resourceId, caller, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (!MetricAccess.CanWrite(caller, resource!.Creator))
        {
            return GnocchiResults.Error(403, "Access was denied to this resource.");
        }
        var now = time.GetUtcNow();
        foreach (var metricId in resource.Metrics.Values)
        {
            await catalog.DeleteMetricAsync(metricId, cancellationToken);
            await measures.DeleteAsync(metricId, now.AddDays(-options.Value.RetentionDays - 1), now.AddDays(2), cancellationToken);
        }
        await catalog.DeleteResourceAsync(resource.Id, cancellationToken);
        return new StatusCodeResult(204);
    });
}
