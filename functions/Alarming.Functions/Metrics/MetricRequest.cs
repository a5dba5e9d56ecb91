using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Python;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Metrics;

/// <summary>What every metric-store function does around its own work: identity (401 without
/// <c>X-Project-Id</c>), JSON bodies, Gnocchi's error body for a crash.</summary>
public sealed class MetricRequest(IOptions<MetricsOptions> options, ILogger<MetricRequest> logger)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle)
    {
        var project = request.Headers["X-Project-Id"].ToString();
        if (project.Length == 0)
        {
            return GnocchiResults.Error(401, "Authentication required");
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
            return GnocchiResults.Error(500, e.Message);
        }
    }

    /// <summary>Gnocchi's creator of what a caller makes: <c>"&lt;user&gt;:&lt;project&gt;"</c>.</summary>
    public static string Creator(Caller caller) => $"{caller.UserId}:{caller.ProjectId}";

    /// <summary>Reads a JSON body; <c>null</c> with an error result when it is not one.</summary>
    public async Task<(JsonNode? Body, IActionResult? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken,
        bool allowEmpty = false)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > options.Value.MaxBodyBytes)
        {
            return (null, GnocchiResults.Error(413, "Request Entity Too Large"));
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        if (text.Trim().Length == 0)
        {
            return allowEmpty ? (null, null) : (null, GnocchiResults.Error(400, new JsonObject { ["cause"] = "Unable to decode body", ["reason"] = "empty body" }));
        }
        if (contentType is not ("application/json" or "application/json-patch+json"))
        {
            return (null, GnocchiResults.Error(415, $"Unsupported Media Type: {contentType}"));
        }
        try
        {
            return (PythonJson.Loads(text), null);
        }
        catch (JsonException e)
        {
            return (null, GnocchiResults.Error(400, new JsonObject { ["cause"] = "Unable to decode body", ["reason"] = e.Message }));
        }
    }
}
