using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.AlarmApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Alarming.Functions.MetricApi;

/// <summary>Responses in Gnocchi's shapes: always <c>application/json</c>, errors as
/// <c>{"code", "title", "description"}</c> with a string or object description.</summary>
internal static class GnocchiResults
{
    public static IActionResult Json(JsonNode? body, int status = 200) => AodhResults.Json(body, status);

    public static IActionResult Accepted() => new StatusCodeResult(202);

    public static IActionResult Error(int status, JsonNode description) => AodhResults.Json(new JsonObject
    {
        ["code"] = status,
        ["title"] = ReasonPhrases.GetReasonPhrase(status),
        ["description"] = description,
    }, status);

    public static IActionResult Error(int status, string description) => Error(status, JsonValue.Create(description));

    public static IActionResult Invalid(string reason, params string[] detail) => Error(400, MeasureItems.Invalid(reason, detail));
}
