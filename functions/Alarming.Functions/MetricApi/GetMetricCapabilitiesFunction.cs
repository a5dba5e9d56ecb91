using System.Text.Json.Nodes;
using Alarming.Core.Rules;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi;

/// <summary><c>GET /v1/capabilities</c>: the aggregation methods (the Aodh API checks rules against them).</summary>
public sealed class GetMetricCapabilitiesFunction(ApiRequest<GnocchiDialect> api)
{
    public const string Name = "GetMetricCapabilities";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Capabilities)] HttpRequest request) =>
        api.RunAsync(request, _ => Task.FromResult(GnocchiResults.Json(new JsonObject
        {
            ["aggregation_methods"] = new JsonArray(AggregationMethods.All.Select(m => (JsonNode?)m).ToArray()),
        })));
}
