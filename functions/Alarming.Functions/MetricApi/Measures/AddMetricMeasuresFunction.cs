using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>POST /v1/metric/{id}/measures</c>: 202, readable at once (we are synchronous).</summary>
public sealed class AddMetricMeasuresFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMeasureStore measures, TimeProvider time)
{
    public const string Name = "AddMetricMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.MetricMeasures)] HttpRequest request,
        string metricId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (metric, error) = await lookup.ReadableAsync(metricId, caller, cancellationToken);
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
