using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary><c>DELETE /v1/metric/{id}</c>: the metric and its measures.</summary>
public sealed class DeleteMetricFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog, IMeasureStore measures,
    IOptions<MetricsOptions> options, TimeProvider time)
{
    public const string Name = "DeleteMetric";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = MetricRoutes.Metric)] HttpRequest request,
        string metricId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.ReadableAsync(metricId, caller, cancellationToken);
        if (error is not null || !MetricAccess.CanWrite(caller, metric!.Creator))
        {
            return error ?? GnocchiResults.Error(403, "Access was denied to this resource.");
        }
        if (metric.ResourceId is { } rid && await catalog.FindResourceAsync(rid, cancellationToken) is { } resource)
        {
            await catalog.SaveResourceAsync(resource with { Metrics = resource.Metrics.Where(m => m.Value != metric.Id).ToDictionary() }, cancellationToken);
        }
        await catalog.DeleteMetricAsync(metric.Id, cancellationToken);
        var now = time.GetUtcNow();
        await measures.DeleteAsync(metric.Id, now.AddDays(-options.Value.RetentionDays - 1), now.AddDays(2), cancellationToken);
        return new StatusCodeResult(204);
    });
}
