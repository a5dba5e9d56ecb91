using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Resources;

/// <summary><c>POST /v1/resource/{type}/{rid}/metric</c> with <c>{name: spec | metric-uuid}</c>:
/// 200 with the resource's full metric list; a taken name is 409.</summary>
public sealed class AddResourceMetricsFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog, MetricFactory factory)
{
    public const string Name = "AddResourceMetrics";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ResourceMetrics)] HttpRequest request,
        string type, string resourceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (resource, error) = await lookup.ResourceAsync(type, resourceId, caller, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body is not JsonObject specs)
        {
            return GnocchiResults.Invalid("expected a dictionary");
        }
        var metrics = new Dictionary<string, Guid>(resource!.Metrics);
        foreach (var (name, spec) in specs)
        {
            if (metrics.ContainsKey(name))
            {
                return GnocchiResults.Error(409, $"Named metric {name} already exists");
            }
            var (metric, failed) = await factory.CreateOrAttachAsync(name, spec, resource.Id, MetricAccess.Creator(caller), cancellationToken);
            if (failed is not null)
            {
                return failed;
            }
            metrics[name] = metric!.Id;
        }
        await catalog.SaveResourceAsync(resource with { Metrics = metrics }, cancellationToken);
        var list = new JsonArray();
        foreach (var id in metrics.Values)
        {
            if (await catalog.FindMetricAsync(id, cancellationToken) is { } metric)
            {
                list.Add(MetricBodies.Metric(metric));
            }
        }
        return GnocchiResults.Json(list);
    });
}
