using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.Http;

/// <summary>What differs between the two APIs around a request: the error body, the body limit,
/// how a body becomes JSON, and the headers every answer carries.</summary>
public interface IApiDialect
{
    /// <summary>The largest request body read; a larger one is refused while reading.</summary>
    int MaxBodyBytes { get; }

    IActionResult Error(int status, string message);

    /// <summary>The answer to a body over <see cref="MaxBodyBytes"/>.</summary>
    IActionResult TooLarge();

    /// <summary>Headers every answer of this API carries.</summary>
    void OnRequest(HttpRequest request);

    /// <summary>Turns a body read within the limit into JSON, the way this API's server does.</summary>
    /// <param name="body">How the caller wants the body read.</param>
    (JsonNode? Json, IActionResult? Error) ParseJson(string text, string? contentType, JsonBody body);
}
