using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary><c>POST /v1/batch/resources/metrics/measures[?create_metrics=true]</c>, body
/// <c>{resource-id: {metric-name: [items] | {"measures": [items], "archive_policy_name"?, "unit"?}}}</c>:
/// what Ceilometer's publisher sends. Nothing is stored unless all of it can be.</summary>
public sealed class BatchResourceMeasuresFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog, IMeasureStore measures, MetricFactory factory,
    TimeProvider time)
{
    public const string Name = "BatchResourceMeasures";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.BatchResourceMeasures)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var createText = request.Query["create_metrics"].ToString();
        var create = false;
        if (createText.Length > 0 && !PythonBoolean.TryParse(createText, out create))
        {
            return GnocchiResults.Error(400, $"Unable to parse `create_metrics': {createText}");
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body is not JsonObject batch)
        {
            return GnocchiResults.Invalid("expected a dictionary");
        }
        var creator = MetricAccess.Creator(caller);
        var now = time.GetUtcNow();
        var unknownResources = new JsonArray();
        var unknownMetrics = new List<string>();
        var toStore = new List<(ResourceDefinition Resource, string Name, JsonObject? Spec, IReadOnlyList<Measure> Measures)>();
        foreach (var (key, metricsNode) in batch)
        {
            if (!ResourceIds.TryResolve(key, creator, out var resourceId) || metricsNode is not JsonObject metrics)
            {
                return GnocchiResults.Invalid("invalid resource batch", key);
            }
            var resource = await catalog.FindResourceAsync(resourceId, cancellationToken);
            if (resource is null || !MetricAccess.CanWrite(caller, resource.Creator))
            {
                if (create)
                {
                    unknownResources.Add(new JsonObject { ["resource_id"] = resourceId.ToString(), ["original_resource_id"] = key });
                }
                else
                {
                    unknownMetrics.AddRange(metrics.Select(m => $"{resourceId}/{m.Key}"));
                }
                continue;
            }
            foreach (var (name, entry) in metrics)
            {
                var spec = entry as JsonObject;
                var (values, bad) = MeasureItems.Parse(spec is not null ? spec["measures"] : entry, now);
                if (bad is not null)
                {
                    return GnocchiResults.Error(400, bad);
                }
                if (!resource.Metrics.ContainsKey(name) && !create)
                {
                    unknownMetrics.Add($"{resourceId}/{name}");
                    continue;
                }
                toStore.Add((resource, name, spec, values));
            }
        }
        if (unknownResources.Count > 0)
        {
            return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Unknown resources", ["detail"] = unknownResources });
        }
        if (unknownMetrics.Count > 0)
        {
            return GnocchiResults.Error(400, "Unknown metrics: " + string.Join(", ", unknownMetrics.Order(StringComparer.Ordinal)));
        }
        foreach (var group in toStore.GroupBy(s => s.Resource.Id))
        {
            var resource = await catalog.FindResourceAsync(group.Key, cancellationToken) ?? group.First().Resource;
            var metrics = new Dictionary<string, Guid>(resource.Metrics);
            foreach (var (_, name, spec, values) in group)
            {
                if (!metrics.TryGetValue(name, out var metricId))
                {
                    var (metric, failed) = await factory.CreateAsync(name, spec?["unit"]?.GetValue<string>(),
                        spec?["archive_policy_name"]?.GetValue<string>(), resource.Id, creator, cancellationToken);
                    if (failed is not null)
                    {
                        return failed;
                    }
                    metrics[name] = metricId = metric!.Id;
                }
                await measures.AddAsync(metricId, values, cancellationToken);
            }
            if (metrics.Count != resource.Metrics.Count)
            {
                await catalog.SaveResourceAsync(resource with { Metrics = metrics }, cancellationToken);
            }
        }
        return GnocchiResults.Accepted();
    });
}
