using System.Text;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Functions.Identity;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Http;

/// <summary>What every HTTP function of both APIs does around its own work: the API's headers, the
/// caller's identity, reading a JSON body within the API's limit, and turning a crash into the
/// API's 500 (but a full hour of measures into a 400: only the store knows it is full).</summary>
/// <remarks>Functions has no ASP.NET middleware pipeline, so each function calls this itself.</remarks>
public sealed class ApiRequest<TDialect>(TDialect dialect, ICallerAuthenticator authenticator, ILogger<ApiRequest<TDialect>> logger)
    where TDialect : IApiDialect
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Runs <paramref name="handle"/> for the caller the identity mode finds; without one, the
    /// mode's answer (401 with its challenge, 403, or 503 when the identity service is down) in the API's error body.</summary>
    public Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle) => RunAsync(request, null, handle);

    /// <param name="known">A caller established another way (the event intake's shared secret), or null to ask the identity mode.</param>
    public async Task<IActionResult> RunAsync(HttpRequest request, Caller? known, Func<Caller, Task<IActionResult>> handle)
    {
        dialect.OnRequest(request);
        try
        {
            var authentication = known is null ? await authenticator.AuthenticateAsync(request, request.HttpContext.RequestAborted) : null;
            if ((known ?? authentication!.Caller) is not { } caller)
            {
                if (authentication!.Challenge is { } challenge)
                {
                    request.HttpContext.Response.Headers.WWWAuthenticate = challenge;
                }
                return dialect.Error(authentication.Status, authentication.Message);
            }
            return await handle(caller);
        }
        catch (MeasureBlockFullException e)
        {
            return dialect.Error(400, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Request {Method} {Path} failed", request.Method, request.Path);
            return dialect.Error(500, e.Message);
        }
    }

    /// <summary>Reads the body as JSON, refusing it as soon as it passes the API's limit.</summary>
    public async Task<(JsonNode? Json, IActionResult? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken,
        JsonBody? body = null)
    {
        if (await ReadTextAsync(request, cancellationToken) is not { } text)
        {
            return (null, dialect.TooLarge());
        }
        return dialect.ParseJson(text, request.ContentType?.Split(';')[0].Trim().ToLowerInvariant(), body ?? JsonBody.Default);
    }

    /// <returns>The body as text, or <c>null</c> when it is larger than the API accepts.</returns>
    private async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = dialect.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
