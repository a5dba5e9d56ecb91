using Alarming.Functions.Http;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.ArchivePolicies;

/// <summary><c>POST /v1/archive_policy</c> (admin): 201 with the policy, or the 409 string
/// Ceilometer tolerates when it re-sends its policies.</summary>
public sealed class CreateArchivePolicyFunction(ApiRequest<GnocchiDialect> api, IMetricCatalog catalog)
{
    public const string Name = "CreateArchivePolicy";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ArchivePolicies)] HttpRequest request,
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
        var (policy, error) = ArchivePolicyBody.Parse(body);
        if (error is not null)
        {
            return GnocchiResults.Invalid($"invalid {error}", error);
        }
        if (await catalog.FindPolicyAsync(policy!.Name, cancellationToken) is not null || !await catalog.CreatePolicyAsync(policy, cancellationToken))
        {
            return GnocchiResults.Error(409, $"Archive policy {policy.Name} already exists");
        }
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/{MetricRoutes.ArchivePolicies}/{policy.Name}";
        return GnocchiResults.Json(MetricBodies.Policy(policy), 201);
    });
}
