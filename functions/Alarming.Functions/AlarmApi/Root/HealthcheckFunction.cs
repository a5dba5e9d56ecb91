using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Root;

/// <summary><c>GET /healthcheck</c>: 200 with an empty <c>text/plain</c> body; public.</summary>
public sealed class HealthcheckFunction
{
    public const string Name = "Healthcheck";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthcheck")] HttpRequest request) =>
        new ContentResult { Content = "", ContentType = "text/plain", StatusCode = 200 };
}
