using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Root;

/// <summary><c>GET /</c>: the versions document; public.</summary>
/// <remarks><c>build</c> is ours: gnocchiclient reads it from the same endpoint, which also
/// serves the metric store.</remarks>
public sealed class GetVersionsFunction(AodhDialect api)
{
    public const string Name = "GetVersions";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "")] HttpRequest request)
    {
        api.AddCorsHeaders(request);
        return AodhResults.JsonDumps(new JsonObject
        {
            ["build"] = "4.4.2",
            ["versions"] = new JsonObject
            {
                ["values"] = new JsonArray(new JsonObject
                {
                    ["id"] = "v2",
                    ["links"] = new JsonArray(
                        new JsonObject { ["href"] = $"{request.Scheme}://{request.Host}/v2", ["rel"] = "self" },
                        new JsonObject { ["href"] = "https://docs.openstack.org/", ["rel"] = "describedby", ["type"] = "text/html" }),
                    ["media-types"] = new JsonArray(
                        new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.telemetry-v2+json" },
                        new JsonObject { ["base"] = "application/xml", ["type"] = "application/vnd.openstack.telemetry-v2+xml" }),
                    ["status"] = "stable",
                    ["updated"] = "2013-02-13T00:00:00Z",
                }),
            },
        });
    }
}
