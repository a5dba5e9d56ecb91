using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Api;

/// <summary>What every API function does around its own work: the request id and CORS
/// headers, the caller's identity, reading a JSON body, and turning a crash into Aodh's 500.</summary>
/// <remarks>Functions has no ASP.NET middleware pipeline, so each function calls this itself.</remarks>
public sealed class ApiRequest(IOptions<ApiOptions> options, ILogger<ApiRequest> logger)
{
    public const string AllowedHeaders = "X-Auth-Token, X-Openstack-Request-Id, X-Subject-Token";
    public const string AllowedMethods = "GET, PUT, POST, DELETE, PATCH";

    /// <summary>Runs <paramref name="handle"/> for an identified caller; 401 without <c>X-Project-Id</c>.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle)
    {
        request.HttpContext.Response.Headers["x-openstack-request-id"] = "req-" + Guid.NewGuid();
        AddCorsHeaders(request);
        var project = request.Headers["X-Project-Id"].ToString();
        if (project.Length == 0)
        {
            return AodhResults.Error(401, "Authentication required");
        }
        var user = request.Headers["X-User-Id"].ToString();
        var caller = Caller.Create(user.Length == 0 ? null : user, project, request.Headers["X-Roles"].ToString());
        try
        {
            return await handle(caller);
        }
        catch (Exception e) when (e is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Request {Method} {Path} failed", request.Method, request.Path);
            return AodhResults.Error(500, e.Message);
        }
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

    /// <summary>Reads a JSON body as Aodh's WSME/pecan stack does (api.md §0.1).</summary>
    /// <param name="argument">The body argument's name in Aodh's messages: <c>data</c> or <c>body</c>.</param>
    public async Task<Result<JsonNode?>> ReadJsonAsync(HttpRequest request, string argument, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return new ApiError(413, "Request is too large.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return new ApiError(413, "Request is too large.");
            }
        }
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (text.Trim().Length == 0)
        {
            return ApiError.BadRequest($"Missing argument: \"{argument}\"");
        }
        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(contentType) || contentType == "application/x-www-form-urlencoded")
        {
            // pecan reads such a body as a form: its text becomes an unknown argument.
            return ApiError.BadRequest($"Unknown argument: \"{text.Split('=')[0]}\"");
        }
        if (contentType != "application/json" && !contentType.EndsWith("+json", StringComparison.Ordinal))
        {
            return new ApiError(415, $"Unknown mimetype: {contentType}");
        }
        try
        {
            return PythonJson.Loads(text);
        }
        catch (JsonException)
        {
            return ApiError.BadRequest("Request is not in valid JSON format");
        }
    }
}
