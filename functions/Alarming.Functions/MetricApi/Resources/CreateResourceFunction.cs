using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Functions.MetricApi.ResourceTypes;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Resources;

/// <summary><c>POST /v1/resource/{type}</c>: a resource and its metrics.</summary>
public sealed class CreateResourceFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog, MetricFactory factory, TimeProvider time)
{
    public const string Name = "CreateResource";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Resources)] HttpRequest request,
        string type, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!ResourceTypeAttributes.IsValidName(type))
        {
            return GnocchiResults.Error(404, $"Resource type {type} does not exist");
        }
        var (body, error) = await api.ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (body is not JsonObject spec || spec["id"] is not JsonValue idNode || !idNode.TryGetValue<string>(out var originalId))
        {
            return GnocchiResults.Invalid("required key not provided", "id");
        }
        var creator = MetricAccess.Creator(caller);
        if (originalId.Contains('/'))
        {
            return GnocchiResults.Invalid("'/' is not supported in resource id", "id");
        }
        if (!ResourceIds.TryResolve(originalId, creator, out var id))
        {
            return GnocchiResults.Invalid("invalid resource id", "id");
        }
        var (attributes, extra) = ResourceTypeAttributes.Attributes(type, spec, ResourceTypeAttributes.BaseAttributes);
        if (extra is not null)
        {
            return GnocchiResults.Invalid("extra keys not allowed", extra);
        }
        var now = time.GetUtcNow();
        var startedAt = now;
        DateTimeOffset? endedAt = null;
        if (spec["started_at"] is { } started && !GnocchiTime.TryParse(PythonRepr.Str(started), now, out startedAt))
        {
            return GnocchiResults.Invalid("invalid datetime", "started_at");
        }
        if (spec["ended_at"] is { } ended)
        {
            if (!GnocchiTime.TryParse(PythonRepr.Str(ended), now, out var endedValue))
            {
                return GnocchiResults.Invalid("invalid datetime", "ended_at");
            }
            endedAt = endedValue;
        }
        if (endedAt < startedAt)
        {
            return GnocchiResults.Invalid("Start timestamp cannot be after end timestamp", "started_at");
        }
        if (await catalog.FindResourceAsync(id, cancellationToken) is not null)
        {
            return GnocchiResults.Error(409, $"Resource {id} already exists");
        }
        var resource = new ResourceDefinition(id, type, originalId, creator, spec["user_id"]?.GetValue<string>(), spec["project_id"]?.GetValue<string>(),
            startedAt, endedAt, now, attributes, new Dictionary<string, Guid>());
        if (!await catalog.CreateResourceAsync(resource, cancellationToken))
        {
            return GnocchiResults.Error(409, $"Resource {id} already exists");
        }
        var metrics = new Dictionary<string, Guid>();
        foreach (var (name, metricSpec) in spec["metrics"] as JsonObject ?? [])
        {
            var (metric, failed) = await factory.CreateOrAttachAsync(name, metricSpec, id, creator, cancellationToken);
            if (failed is not null)
            {
                await catalog.DeleteResourceAsync(id, cancellationToken);
                return failed;
            }
            metrics[name] = metric!.Id;
        }
        resource = resource with { Metrics = metrics };
        await catalog.SaveResourceAsync(resource, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/v1/resource/{type}/{id}";
        return GnocchiResults.Json(MetricBodies.Resource(resource), 201);
    });
}
