using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary><c>GET /v1/metric/{id}</c>.</summary>
public sealed class GetMetricFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog)
{
    public const string Name = "GetMetric";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Metric)] HttpRequest request,
        string metricId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.ReadableAsync(metricId, caller, cancellationToken);
        return error ?? await MetricResponse.ReadAsync(catalog, metric!, cancellationToken);
    });
}
