using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Metrics;

/// <summary><c>GET /v1/metric</c>: the metrics the caller created (all, for an admin), by id.</summary>
public sealed class ListMetricsFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "ListMetrics";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Metrics)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var policies = (await catalog.ListPoliciesAsync(cancellationToken)).ToDictionary(p => p.Name);
        var name = request.Query["name"].ToString();
        var metrics = (await catalog.ListMetricsAsync(cancellationToken))
            .Where(m => MetricAccess.CanWrite(caller, m.Creator) && (name.Length == 0 || m.Name == name))
            .OrderBy(m => m.Id.ToString(), StringComparer.Ordinal)
            .Select(m => (JsonNode?)MetricBodies.Metric(m, policies.GetValueOrDefault(m.ArchivePolicyName)));
        return GnocchiResults.Json(new JsonArray(metrics.ToArray()));
    });
}
