using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ResourceTypes;

/// <summary><c>GET /v1/resource_type</c>: the built-in and declared types.</summary>
public sealed class ListResourceTypesFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "ListResourceTypes";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceTypes)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async _ =>
    {
        var declared = await catalog.ListResourceTypesAsync(cancellationToken);
        var types = new[] { "generic", "instance" }.Select(t => ResourceTypeAttributes.Body(t, ResourceTypeAttributes.BuiltInSchema(t)!))
            .Concat(declared.Where(d => ResourceTypeAttributes.BuiltInSchema(d.Key) is null).Select(d => ResourceTypeAttributes.Body(d.Key, d.Value)));
        return GnocchiResults.Json(new JsonArray(types.Select(t => (JsonNode?)t).ToArray()));
    });
}
