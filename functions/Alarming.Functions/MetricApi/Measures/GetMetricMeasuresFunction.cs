using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>GET /v1/metric/{id}/measures</c>: aggregated on read.</summary>
public sealed class GetMetricMeasuresFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, MeasureReader reader, TimeProvider time)
{
    public const string Name = "GetMetricMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.MetricMeasures)] HttpRequest request,
        string metricId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.ReadableAsync(metricId, caller, cancellationToken);
        return error ?? await MeasuresResponse.ReadAsync(reader, metric!, request.Query, time.GetUtcNow(), cancellationToken);
    });
}
