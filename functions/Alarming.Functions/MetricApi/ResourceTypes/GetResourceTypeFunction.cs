using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ResourceTypes;

/// <summary><c>GET /v1/resource_type/{name}</c>: a built-in or declared type (the CLI reads it to coerce attributes).</summary>
public sealed class GetResourceTypeFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "GetResourceType";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceType)] HttpRequest request,
        string name, CancellationToken cancellationToken) => api.RunAsync(request, async _ =>
            (await catalog.FindResourceTypeAsync(name, cancellationToken) ?? ResourceTypeAttributes.BuiltInSchema(name)) is { } attributes
                ? GnocchiResults.Json(ResourceTypeAttributes.Body(name, attributes))
                : GnocchiResults.Error(404, $"Resource type {name} does not exist"));
}
