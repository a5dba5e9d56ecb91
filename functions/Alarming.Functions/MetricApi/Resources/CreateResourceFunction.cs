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
        var (resource, invalid) = Definition(type, body, MetricAccess.Creator(caller), time.GetUtcNow());
        if (invalid is not null)
        {
            return invalid;
        }
        if (await catalog.FindResourceAsync(resource!.Id, cancellationToken) is not null || !await catalog.CreateResourceAsync(resource, cancellationToken))
        {
            return GnocchiResults.Error(409, $"Resource {resource.Id} already exists");
        }
        var (metrics, failed) = await MetricsAsync(resource, ((JsonObject)body!)["metrics"] as JsonObject ?? [], cancellationToken);
        if (failed is not null)
        {
            await catalog.DeleteResourceAsync(resource.Id, cancellationToken);
            return failed;
        }
        resource = resource with { Metrics = metrics! };
        await catalog.SaveResourceAsync(resource, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/v1/resource/{type}/{resource.Id}";
        return GnocchiResults.Json(MetricBodies.Resource(resource), 201);
    });

    /// <summary>The resource the body describes, or Gnocchi's 400 for the first bad key, in Gnocchi's order.</summary>
    private static (ResourceDefinition? Resource, IActionResult? Error) Definition(string type, JsonNode? body, string creator, DateTimeOffset now)
    {
        if (body is not JsonObject spec || spec["id"] is not JsonValue idNode || !idNode.TryGetValue<string>(out var originalId))
        {
            return (null, GnocchiResults.Invalid("required key not provided", "id"));
        }
        if (originalId.Contains('/'))
        {
            return (null, GnocchiResults.Invalid("'/' is not supported in resource id", "id"));
        }
        if (!ResourceIds.TryResolve(originalId, creator, out var id))
        {
            return (null, GnocchiResults.Invalid("invalid resource id", "id"));
        }
        var (attributes, extra) = ResourceTypeAttributes.Attributes(type, spec, ResourceTypeAttributes.BaseAttributes);
        if (extra is not null)
        {
            return (null, GnocchiResults.Invalid("extra keys not allowed", extra));
        }
        var (startedAt, endedAt, badTime) = Lifetime(spec, now);
        if (badTime is not null)
        {
            return (null, badTime);
        }
        return (new ResourceDefinition(id, type, originalId, creator, spec["user_id"]?.GetValue<string>(), spec["project_id"]?.GetValue<string>(),
            startedAt, endedAt, now, attributes, new Dictionary<string, Guid>()), null);
    }

    /// <remarks>An absent <c>started_at</c> is now; an end before the start is refused.</remarks>
    private static (DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IActionResult? Error) Lifetime(JsonObject spec, DateTimeOffset now)
    {
        var startedAt = now;
        if (spec["started_at"] is { } started && !GnocchiTime.TryParse(PythonRepr.Str(started), now, out startedAt))
        {
            return (now, null, GnocchiResults.Invalid("invalid datetime", "started_at"));
        }
        DateTimeOffset? endedAt = null;
        if (spec["ended_at"] is { } ended)
        {
            if (!GnocchiTime.TryParse(PythonRepr.Str(ended), now, out var endedValue))
            {
                return (now, null, GnocchiResults.Invalid("invalid datetime", "ended_at"));
            }
            endedAt = endedValue;
        }
        return endedAt < startedAt
            ? (now, null, GnocchiResults.Invalid("Start timestamp cannot be after end timestamp", "started_at"))
            : (startedAt, endedAt, null);
    }

    private async Task<(Dictionary<string, Guid>? Metrics, IActionResult? Error)> MetricsAsync(ResourceDefinition resource, JsonObject specs,
        CancellationToken cancellationToken)
    {
        var metrics = new Dictionary<string, Guid>();
        foreach (var (name, metricSpec) in specs)
        {
            var (metric, failed) = await factory.CreateOrAttachAsync(name, metricSpec, resource.Id, resource.Creator, cancellationToken);
            if (failed is not null)
            {
                return (null, failed);
            }
            metrics[name] = metric!.Id;
        }
        return (metrics, null);
    }
}
