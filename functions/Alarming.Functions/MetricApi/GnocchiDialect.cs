using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.MetricApi;

/// <summary>The Gnocchi v1 metric store's side of a request: Gnocchi's error body and its reading of JSON bodies.</summary>
public sealed class GnocchiDialect(IOptions<MetricsOptions> options) : IApiDialect
{
    public int MaxBodyBytes => options.Value.MaxBodyBytes;

    public IActionResult Error(int status, string message) => GnocchiResults.Error(status, message);

    public IActionResult TooLarge() => GnocchiResults.Error(413, "Request Entity Too Large");

    public void OnRequest(HttpRequest request)
    {
    }

    public (JsonNode? Json, IActionResult? Error) ParseJson(string text, string? contentType, JsonBody body)
    {
        if (text.Trim().Length == 0)
        {
            return body.AllowEmpty ? (null, null) : (null, Undecodable("empty body"));
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
            return (null, Undecodable(e.Message));
        }
    }

    private static IActionResult Undecodable(string reason) =>
        GnocchiResults.Error(400, new JsonObject { ["cause"] = "Unable to decode body", ["reason"] = reason });
}
