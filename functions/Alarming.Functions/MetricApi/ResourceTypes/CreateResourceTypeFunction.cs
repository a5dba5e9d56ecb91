using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ResourceTypes;

/// <summary><c>POST /v1/resource_type</c> (admin): declares a type, as <c>ceilometer-upgrade</c> does.</summary>
public sealed class CreateResourceTypeFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "CreateResourceType";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ResourceTypes)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!caller.IsAdmin)
        {
            return GnocchiResults.Error(403, "Access was denied to this resource.");
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body?["name"] is not JsonValue nameNode || !nameNode.TryGetValue<string>(out var name) || !ResourceTypeAttributes.IsValidName(name))
        {
            return GnocchiResults.Invalid("invalid resource type name", "name");
        }
        if (ResourceTypeAttributes.BuiltInSchema(name) is not null || await catalog.FindResourceTypeAsync(name, cancellationToken) is not null)
        {
            return GnocchiResults.Error(409, $"Resource type {name} already exists");
        }
        var attributes = body["attributes"] as JsonObject ?? [];
        await catalog.SaveResourceTypeAsync(name, attributes, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/{MetricRoutes.ResourceTypes}/{name}";
        return GnocchiResults.Json(ResourceTypeAttributes.Body(name, attributes), 201);
    });
}
