using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Alarming.Functions.Evaluation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Api.Admin;

/// <summary><c>POST /v2/admin/evaluate</c> (admin): runs one fan-out now, for tests, demos and operators.</summary>
/// <remarks>It claims the current tick like the timer does, so it and the timer never both fan
/// out one tick; a second call in the same tick answers <c>"alarms": 0</c>.</remarks>
public sealed class EvaluateNowFunction(ApiRequest api, EvaluationFanOut fanOut, IOptions<EvaluationOptions> options, TimeProvider time)
{
    public const string Name = "EvaluateNow";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v2/admin/evaluate")] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!caller.IsAdmin)
        {
            return AodhResults.Error(ApiError.RbacFailed());
        }
        var tick = options.Value.TickOf(time.GetUtcNow());
        var count = await fanOut.RunAsync(tick, cancellationToken);
        return AodhResults.Json(new JsonObject { ["tick"] = PythonTimestamp.Format(tick), ["alarms"] = count ?? 0 }, 202);
    });
}
