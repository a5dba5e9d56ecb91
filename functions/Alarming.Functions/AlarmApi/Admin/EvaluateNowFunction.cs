using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Admin;

/// <summary><c>POST /v2/admin/evaluate</c> (admin): runs one fan-out now, for tests, demos and operators.</summary>
/// <remarks>Its tick is now (to the millisecond), not the timer's interval start, so it evaluates
/// even right after a timer tick: truncated to the second it could coincide with the minute's own
/// tick, find it claimed before the caller's new measures were written, and evaluate nothing. The
/// tick is claimed like the timer's, so a second call at the same instant answers <c>"alarms": 0</c>.</remarks>
public sealed class EvaluateNowFunction(ApiRequest<AodhDialect> api, EvaluationFanOut fanOut, TimeProvider time)
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
        var tick = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var count = await fanOut.RunAsync(tick, cancellationToken);
        return AodhResults.Json(new JsonObject { ["tick"] = PythonTimestamp.Format(tick), ["alarms"] = count ?? 0 }, 202);
    });
}
