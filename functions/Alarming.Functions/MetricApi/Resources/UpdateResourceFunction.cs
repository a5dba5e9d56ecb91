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

/// <summary><c>PATCH /v1/resource/{type}/{id}</c>: 200 with the resource.</summary>
/// <remarks>A changed value starts a new revision; repeating the current values (Ceilometer sends
/// the same PATCH every cycle) does not. <c>metrics</c> replaces the set: unlisted metrics are detached.</remarks>
public sealed class UpdateResourceFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup, IMetricCatalog catalog, MetricFactory factory, TimeProvider time)
{
    public const string Name = "UpdateResource";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = MetricRoutes.Resource)] HttpRequest request,
        string type, string resourceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (resource, error) = await lookup.ResourceAsync(type, resourceId, caller, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (!MetricAccess.CanWrite(caller, resource!.Creator))
        {
            return GnocchiResults.Error(403, "Access was denied to this resource.");
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body is not JsonObject patch)
        {
            return GnocchiResults.Invalid("expected a dictionary");
        }
        var now = time.GetUtcNow();
        var (updated, refused) = Patched(resource, patch, now);
        if (refused is not null)
        {
            return refused;
        }
        if (patch["metrics"] is JsonObject metrics)
        {
            var (set, failed) = await MetricSetAsync(resource, metrics, MetricAccess.Creator(caller), cancellationToken);
            if (failed is not null)
            {
                return failed;
            }
            updated = updated! with { Metrics = set! };
        }
        return GnocchiResults.Json(MetricBodies.Resource(await SaveIfChangedAsync(resource, updated!, now, cancellationToken)));
    });

    /// <summary>The resource with the patch's attributes, ids and times, or Gnocchi's 400 for the first bad key.</summary>
    private static (ResourceDefinition? Updated, IActionResult? Error) Patched(ResourceDefinition resource, JsonObject patch, DateTimeOffset now)
    {
        if (patch.ContainsKey("id") || patch.ContainsKey("type"))
        {
            return (null, GnocchiResults.Invalid("extra keys not allowed", patch.ContainsKey("id") ? "id" : "type"));
        }
        var (attributes, extra) = ResourceTypeAttributes.Attributes(resource.Type, patch, ResourceTypeAttributes.BaseAttributes);
        if (extra is not null)
        {
            return (null, GnocchiResults.Invalid("extra keys not allowed", extra));
        }
        var updated = resource with { Attributes = MergedAttributes(resource.Attributes, attributes) };
        if (patch.ContainsKey("user_id"))
        {
            updated = updated with { UserId = patch["user_id"]?.GetValue<string>() };
        }
        if (patch.ContainsKey("project_id"))
        {
            updated = updated with { ProjectId = patch["project_id"]?.GetValue<string>() };
        }
        return WithTimes(updated, patch, now);
    }

    /// <remarks>A null <c>started_at</c> keeps the current start; a null <c>ended_at</c> clears the end.</remarks>
    private static (ResourceDefinition? Updated, IActionResult? Error) WithTimes(ResourceDefinition updated, JsonObject patch, DateTimeOffset now)
    {
        foreach (var name in new[] { "started_at", "ended_at" })
        {
            if (!patch.TryGetPropertyValue(name, out var value))
            {
                continue;
            }
            DateTimeOffset? instant = null;
            if (value is not null)
            {
                if (!GnocchiTime.TryParse(PythonRepr.Str(value), now, out var parsed))
                {
                    return (null, GnocchiResults.Invalid("invalid datetime", name));
                }
                instant = parsed;
            }
            updated = name == "started_at" ? updated with { StartedAt = instant ?? updated.StartedAt } : updated with { EndedAt = instant };
        }
        return (updated, null);
    }

    /// <summary><c>metrics</c> replaces the set: a listed metric the resource has stays, others are created or attached.</summary>
    private async Task<(Dictionary<string, Guid>? Set, IActionResult? Error)> MetricSetAsync(ResourceDefinition resource, JsonObject metrics,
        string creator, CancellationToken cancellationToken)
    {
        var set = new Dictionary<string, Guid>();
        foreach (var (name, spec) in metrics)
        {
            if (resource.Metrics.TryGetValue(name, out var existing) && spec is JsonObject)
            {
                set[name] = existing;
                continue;
            }
            var (metric, failed) = await factory.CreateOrAttachAsync(name, spec, resource.Id, creator, cancellationToken);
            if (failed is not null)
            {
                return (null, failed);
            }
            set[name] = metric!.Id;
        }
        return (set, null);
    }

    /// <summary>A changed definition starts a new revision; only a change of definition or metrics is written.</summary>
    private async Task<ResourceDefinition> SaveIfChangedAsync(ResourceDefinition resource, ResourceDefinition updated, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var revised = !SameDefinition(resource, updated);
        if (revised)
        {
            updated = updated with { RevisionStart = now };
        }
        if (revised || !resource.Metrics.OrderBy(m => m.Key).SequenceEqual(updated.Metrics.OrderBy(m => m.Key)))
        {
            await catalog.SaveResourceAsync(updated, cancellationToken);
        }
        return updated;
    }

    private static JsonObject MergedAttributes(JsonObject current, JsonObject changes)
    {
        var merged = current.DeepClone().AsObject();
        foreach (var (key, value) in changes)
        {
            merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static bool SameDefinition(ResourceDefinition a, ResourceDefinition b) =>
        a.UserId == b.UserId && a.ProjectId == b.ProjectId && a.StartedAt == b.StartedAt && a.EndedAt == b.EndedAt &&
        a.Attributes.ToJsonString() == b.Attributes.ToJsonString();
}
