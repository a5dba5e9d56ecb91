using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>POST /v1/batch/metrics/measures</c>, body <c>{metric-uuid: [items]}</c>: all or nothing.</summary>
public sealed class BatchMetricMeasuresFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog, IMeasureStore measures, TimeProvider time)
{
    public const string Name = "BatchMetricMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.BatchMetricMeasures)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body is not JsonObject batch)
        {
            return GnocchiResults.Invalid("expected a dictionary");
        }
        var parsed = new List<(Guid Metric, IReadOnlyList<Measure> Measures)>();
        var unknown = new List<string>();
        foreach (var (key, items) in batch)
        {
            if (!Guid.TryParse(key, out var id))
            {
                return GnocchiResults.Invalid("not a valid value for dictionary key", key);
            }
            var metric = await catalog.FindMetricAsync(id, cancellationToken);
            if (metric is null || !MetricAccess.CanWrite(caller, metric.Creator))
            {
                unknown.Add(id.ToString());
                continue;
            }
            var (values, bad) = MeasureItems.Parse(items, time.GetUtcNow());
            if (bad is not null)
            {
                return GnocchiResults.Error(400, bad);
            }
            parsed.Add((id, values));
        }
        if (unknown.Count > 0)
        {
            return GnocchiResults.Error(400, "Unknown metrics: " + string.Join(", ", unknown.Order(StringComparer.Ordinal)));
        }
        foreach (var (metric, values) in parsed)
        {
            await measures.AddAsync(metric, values, cancellationToken);
        }
        return GnocchiResults.Accepted();
    });
}
