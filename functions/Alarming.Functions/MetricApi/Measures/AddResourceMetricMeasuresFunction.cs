using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>POST /v1/resource/{type}/{rid}/metric/{name}/measures</c>.</summary>
public sealed class AddResourceMetricMeasuresFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMeasureStore measures, TimeProvider time)
{
    public const string Name = "AddResourceMetricMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ResourceMetricMeasures)] HttpRequest request,
        string type, string resourceId, string metricName, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.OnResourceAsync(type, resourceId, metricName, caller, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        var (items, bad) = MeasureItems.Parse(body, time.GetUtcNow());
        if (bad is not null)
        {
            return GnocchiResults.Error(400, bad);
        }
        await measures.AddAsync(metric!.Id, items, cancellationToken);
        return GnocchiResults.Accepted();
    });
}
