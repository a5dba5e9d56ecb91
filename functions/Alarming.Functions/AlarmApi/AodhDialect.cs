using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.AlarmApi;

/// <summary>The Aodh v2 API's side of a request: Aodh's error object, its request id and CORS
/// headers, and bodies read as its WSME/pecan stack reads them.</summary>
public sealed class AodhDialect(IOptions<ApiOptions> options) : IApiDialect
{
    public const string AllowedHeaders = "X-Auth-Token, X-Openstack-Request-Id, X-Subject-Token";
    public const string AllowedMethods = "GET, PUT, POST, DELETE, PATCH";

    public int MaxBodyBytes => options.Value.MaxBodyBytes;

    public IActionResult Error(int status, string message) => AodhResults.Error(status, message);

    public IActionResult TooLarge() => AodhResults.Error(413, "Request is too large.");

    public void OnRequest(HttpRequest request)
    {
        request.HttpContext.Response.Headers["x-openstack-request-id"] = "req-" + Guid.NewGuid();
        AddCorsHeaders(request);
    }

    /// <summary>Adds <c>Access-Control-Allow-Origin</c> for an allowed origin (no header otherwise).</summary>
    public bool AddCorsHeaders(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !options.Value.Cors.Origins.Contains(origin))
        {
            return false;
        }
        var headers = request.HttpContext.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlExposeHeaders = AllowedHeaders;
        headers.Vary = "Origin";
        return true;
    }

    public (JsonNode? Json, IActionResult? Error) ParseJson(string text, string? contentType, JsonBody body)
    {
        if (text.Trim().Length == 0)
        {
            return Fail(ApiError.BadRequest($"Missing argument: \"{body.Argument}\""));
        }
        if (string.IsNullOrEmpty(contentType) || contentType == "application/x-www-form-urlencoded")
        {
            // pecan reads such a body as a form: its text becomes an unknown argument.
            return Fail(ApiError.BadRequest($"Unknown argument: \"{text.Split('=')[0]}\""));
        }
        if (contentType != "application/json" && !contentType.EndsWith("+json", StringComparison.Ordinal))
        {
            return Fail(new ApiError(415, $"Unknown mimetype: {contentType}"));
        }
        try
        {
            return (PythonJson.Loads(text), null);
        }
        catch (JsonException)
        {
            return Fail(ApiError.BadRequest("Request is not in valid JSON format"));
        }
    }

    private static (JsonNode?, IActionResult?) Fail(ApiError error) => (null, AodhResults.Error(error));
}
