using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>GET /v1/resource/{type}/{rid}/metric/{name}/measures</c>: what Aodh's resources-threshold evaluator reads.</summary>
public sealed class GetResourceMetricMeasuresFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, MeasureReader reader, TimeProvider time)
{
    public const string Name = "GetResourceMetricMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceMetricMeasures)] HttpRequest request,
        string type, string resourceId, string metricName, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.OnResourceAsync(type, resourceId, metricName, caller, cancellationToken);
        return error ?? await MeasuresResponse.ReadAsync(reader, metric!, request.Query, time.GetUtcNow(), cancellationToken);
    });
}
