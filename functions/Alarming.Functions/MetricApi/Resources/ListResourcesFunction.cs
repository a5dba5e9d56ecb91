using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.ArchivePolicies;
using Alarming.Functions.MetricApi.Measures;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Functions.MetricApi.ResourceTypes;
using Alarming.Functions.MetricApi.Search;
using Alarming.Functions.MetricApi.Aggregates;
using Alarming.Functions.Http;
using Alarming.Core.Metrics;
using Alarming.Functions.Evaluation;

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
