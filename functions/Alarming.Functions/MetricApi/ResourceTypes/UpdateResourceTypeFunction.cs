using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ResourceTypes;

/// <summary><c>PATCH /v1/resource_type/{name}</c> (admin), a JSON patch adding or removing
/// attributes. Re-adding an existing attribute changes nothing (every upgrade run re-sends them).</summary>
public sealed class UpdateResourceTypeFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "UpdateResourceType";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = MetricRoutes.ResourceType)] HttpRequest request,
        string name, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!caller.IsAdmin)
        {
            return GnocchiResults.Error(403, "Access was denied to this resource.");
        }
        var builtIn = ResourceTypeAttributes.BuiltInSchema(name);
        var attributes = await catalog.FindResourceTypeAsync(name, cancellationToken) ?? builtIn;
        if (attributes is null)
        {
            return GnocchiResults.Error(404, $"Resource type {name} does not exist");
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body is not JsonArray operations)
        {
            return GnocchiResults.Invalid("expected a JSON patch", "body");
        }
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var path = operation["path"]?.GetValue<string>() ?? "";
            if (!path.StartsWith("/attributes/", StringComparison.Ordinal))
            {
                return GnocchiResults.Invalid($"invalid path {path}", "path");
            }
            var attribute = path["/attributes/".Length..];
            switch (operation["op"]?.GetValue<string>())
            {
                case "add" when !attributes.ContainsKey(attribute):
                    attributes[attribute] = operation["value"]?.DeepClone();
                    break;
                case "add":
                    break;
                case "remove":
                    attributes.Remove(attribute);
                    break;
                default:
                    return GnocchiResults.Invalid("only add and remove are supported", "op");
            }
        }
        // Built-in types keep their own schema; the declared additions are stored beside it.
        await catalog.SaveResourceTypeAsync(name, attributes, cancellationToken);
        return GnocchiResults.Json(ResourceTypeAttributes.Body(name, attributes));
    });
}
