using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary><c>POST /v1/metric</c>: a metric, alone or on a resource.</summary>
public sealed class CreateMetricFunction(ApiRequest<GnocchiDialect> api, MetricFactory factory, IMetricCatalog catalog)
{
    public const string Name = "CreateMetric";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Metrics)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, error) = await api.ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (body is not JsonObject spec)
        {
            return GnocchiResults.Invalid("expected a dictionary");
        }
        if (spec.Select(p => p.Key).Except(["archive_policy_name", "name", "unit", "resource_id"]).FirstOrDefault() is { } extra)
        {
            return GnocchiResults.Invalid("extra keys not allowed", extra);
        }
        var creator = MetricAccess.Creator(caller);
        Guid? resourceId = null;
        if (spec["resource_id"]?.GetValue<string>() is { } rid)
        {
            if (spec["name"] is null)
            {
                return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Attribute value error", ["detail"] = "name" });
            }
            if (!ResourceIds.TryResolve(rid, creator, out var resolved) || await catalog.FindResourceAsync(resolved, cancellationToken) is not { } resource)
            {
                return GnocchiResults.Error(404, $"Resource {rid} does not exist");
            }
            var name = spec["name"]!.GetValue<string>();
            if (resource.Metrics.ContainsKey(name))
            {
                return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Named metric already exists", ["detail"] = name });
            }
            resourceId = resolved;
        }
        var (metric, failed) = await factory.CreateAsync(spec["name"]?.GetValue<string>(), spec["unit"]?.GetValue<string>(),
            spec["archive_policy_name"]?.GetValue<string>(), resourceId, creator, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        if (resourceId is { } attachedTo && await catalog.FindResourceAsync(attachedTo, cancellationToken) is { } owner)
        {
            await catalog.SaveResourceAsync(owner with { Metrics = new Dictionary<string, Guid>(owner.Metrics) { [metric!.Name!] = metric.Id } }, cancellationToken);
        }
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/{MetricRoutes.Metrics}/{metric!.Id}";
        return GnocchiResults.Json(MetricBodies.Metric(metric), 201);
    });
}
