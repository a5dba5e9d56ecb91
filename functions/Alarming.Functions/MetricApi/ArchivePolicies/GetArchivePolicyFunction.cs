using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ArchivePolicies;

/// <summary><c>GET /v1/archive_policy/{name}</c>.</summary>
public sealed class GetArchivePolicyFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "GetArchivePolicy";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ArchivePolicy)] HttpRequest request,
        string name, CancellationToken cancellationToken) => api.RunAsync(request, async _ =>
            await catalog.FindPolicyAsync(name, cancellationToken) is { } policy
                ? GnocchiResults.Json(MetricBodies.Policy(policy))
                : GnocchiResults.Error(404, $"Archive policy {name} does not exist"));
}
