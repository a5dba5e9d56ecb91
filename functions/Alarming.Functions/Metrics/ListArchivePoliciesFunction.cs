using System.Text.Json.Nodes;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Metrics;

/// <summary><c>GET /v1/archive_policy</c>: the built-in policies and those created since.</summary>
public sealed class ListArchivePoliciesFunction(MetricRequest api, IMetricCatalog catalog)
{
    public const string Name = "ListArchivePolicies";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ArchivePolicies)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async _ => GnocchiResults.Json(new JsonArray(
            (await catalog.ListPoliciesAsync(cancellationToken)).Select(p => (JsonNode?)MetricBodies.Policy(p)).ToArray())));
}
