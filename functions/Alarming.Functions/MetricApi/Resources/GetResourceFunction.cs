using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Resources;

/// <summary><c>GET /v1/resource/{type}/{id}</c>.</summary>
public sealed class GetResourceFunction(ApiRequest<GnocchiDialect> api, MetricLookup lookup)
{
    public const string Name = "GetResource";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Resource)] HttpRequest request,
        string type, string resourceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (resource, error) = await lookup.ResourceAsync(type, resourceId, caller, cancellationToken);
        return error ?? GnocchiResults.Json(MetricBodies.Resource(resource!));
    });
}
