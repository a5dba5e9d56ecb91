using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ArchivePolicies;

/// <summary><c>GET /v1/archive_policy</c>: the built-in policies and those created since.</summary>
public sealed class ListArchivePoliciesFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "ListArchivePolicies";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ArchivePolicies)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async _ => GnocchiResults.Json(new JsonArray(
            (await catalog.ListPoliciesAsync(cancellationToken)).Select(p => (JsonNode?)MetricBodies.Policy(p)).ToArray())));
}
