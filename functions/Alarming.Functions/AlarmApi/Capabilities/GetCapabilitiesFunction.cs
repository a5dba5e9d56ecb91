using System.Text.Json.Nodes;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Capabilities;

/// <summary><c>GET /v2/capabilities</c>: always the same document.</summary>
public sealed class GetCapabilitiesFunction(ApiRequest<AodhDialect> api)
{
    public const string Name = "GetCapabilities";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v2/capabilities")] HttpRequest request) =>
        api.RunAsync(request, _ => Task.FromResult(AodhResults.Json(new JsonObject
        {
            ["api"] = new JsonObject
            {
                ["alarms:history:query:complex"] = true,
                ["alarms:history:query:simple"] = true,
                ["alarms:query:complex"] = true,
                ["alarms:query:simple"] = true,
            },
            ["alarm_storage"] = new JsonObject { ["storage:production_ready"] = true },
        })));
}
