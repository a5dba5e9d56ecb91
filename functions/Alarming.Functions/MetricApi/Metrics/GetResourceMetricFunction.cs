using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary><c>GET /v1/resource/{type}/{rid}/metric/{name}</c>: the metric as <c>GET /v1/metric/{id}</c>
/// answers it; Ceilometer's publisher reads it.</summary>
public sealed class GetResourceMetricFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog)
{
    public const string Name = "GetResourceMetric";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceMetric)] HttpRequest request,
        string type, string resourceId, string metricName, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.OnResourceAsync(type, resourceId, metricName, caller, cancellationToken);
        return error ?? await MetricResponse.ReadAsync(catalog, metric!, cancellationToken);
    });
}
