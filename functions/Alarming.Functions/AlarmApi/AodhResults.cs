using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.AlarmApi;

/// <summary>Responses in Aodh's shapes: JSON bodies and the <c>error_message</c> error body.</summary>
internal static class AodhResults
{
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IActionResult Json(JsonNode? body, int status = 200) => Content(body?.ToJsonString(Writer) ?? "null", status);

    /// <summary>A body as Python's <c>json.dumps</c> writes it, as Aodh's versions document is written.</summary>
    public static IActionResult JsonDumps(JsonNode body) => Content(PythonJson.Dumps(body), 200);

    public static IActionResult Error(ApiError error) => Json(
        new JsonObject
        {
            ["error_message"] = new JsonObject
            {
                ["faultcode"] = error.Status >= 500 ? "Server" : "Client",
                ["faultstring"] = error.Message,
                ["debuginfo"] = null,
            },
        },
        error.Status);

    public static IActionResult Error(int status, string message) => Error(new ApiError(status, message));

    public static IActionResult NoContent() => new StatusCodeResult(204);

    private static ContentResult Content(string text, int status) =>
        new() { Content = text, ContentType = "application/json", StatusCode = status };
}
