using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Search;

/// <summary><c>POST /v1/search/resource/{type}</c> with a JSON filter body, and
/// <c>GET /v1/resource/{type}</c> (a search without filter): resources the caller may read.</summary>
public sealed class SearchResourcesFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "SearchResources";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.SearchResources)] HttpRequest request,
        string type, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, error) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody(AllowEmpty: true));
        if (error is not null)
        {
            return error;
        }
        if (body is null && request.Query["filter"].ToString() is { Length: > 0 } text)
        {
            try
            {
                body = ResourceFilterText.Parse(text);
            }
            catch (FormatException e)
            {
                return GnocchiResults.Error(400, e.Message);
            }
        }
        return await SearchAsync(catalog, caller, type, body, cancellationToken);
    });

    public static async Task<IActionResult> SearchAsync(IMetricCatalog catalog, Core.Access.Caller caller, string type, JsonNode? filter,
        CancellationToken cancellationToken)
    {
        Func<ResourceDefinition, bool> matches;
        try
        {
            matches = ResourceFilter.Parse(filter, id => ResourceIds.TryResolve(id, MetricAccess.Creator(caller), out var g) ? g.ToString() : id);
        }
        catch (FormatException e)
        {
            return GnocchiResults.Error(400, e.Message);
        }
        var found = (await catalog.ListResourcesAsync(cancellationToken))
            .Where(r => (type == "generic" || r.Type == type) && MetricAccess.CanRead(caller, r) && matches(r))
            .OrderBy(r => r.RevisionStart).ThenBy(r => r.StartedAt)
            .Select(r => (JsonNode?)MetricBodies.Resource(r));
        return GnocchiResults.Json(new JsonArray(found.ToArray()));
    }
}
