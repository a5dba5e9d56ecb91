using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Search;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Resources;

/// <summary><c>GET /v1/resource/{type}</c>.</summary>
public sealed class ListResourcesFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "ListResources";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Resources)] HttpRequest request,
        string type, CancellationToken cancellationToken) =>
        api.RunAsync(request, caller => SearchResourcesFunction.SearchAsync(catalog, caller, type, null, cancellationToken));
}
