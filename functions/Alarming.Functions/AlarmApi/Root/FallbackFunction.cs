using Alarming.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Root;

/// <summary>Answers what no other function serves: CORS pre-flights, and 404/405 with Aodh's
/// error object (Aodh itself answers these with an HTML string that aodhclient cannot read).</summary>
/// <remarks>A catch-all route has the lowest precedence in both hosts, so it only sees requests
/// that no specific route and method took.</remarks>
public sealed class FallbackFunction(AodhDialect api, HttpRouteTable routeTable)
{
    public const string Name = "Fallback";
    public const string Route = "{*path}";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", "patch", "options", "head", Route = Route)]
        HttpRequest request)
    {
        var methods = routeTable.MethodsAt(request.Path);
        if (HttpMethods.IsOptions(request.Method) && methods.Count > 0)
        {
            if (api.AddCorsHeaders(request))
            {
                var headers = request.HttpContext.Response.Headers;
                headers.AccessControlAllowMethods = AodhDialect.AllowedMethods;
                headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.Count > 0
                    ? request.Headers.AccessControlRequestHeaders.ToString()
                    : AodhDialect.AllowedHeaders;
            }
            return new StatusCodeResult(200);
        }
        api.AddCorsHeaders(request);
        if (methods.Count == 0)
        {
            return AodhResults.Error(ApiError.NotFound("The resource could not be found."));
        }
        request.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
        return AodhResults.Error(new ApiError(405, $"The method {request.Method} is not allowed for this resource."));
    }
}
