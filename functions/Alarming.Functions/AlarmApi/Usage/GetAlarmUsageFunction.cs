using System.Text.Json.Nodes;
using Alarming.Core.Usage;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Usage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Usage;

/// <summary><c>GET /v2/usage/alarms[?project_id=]</c>, an extension from the "Support Alarm Metering
/// Data" proposal: a list of per-project counts, read from counters, never
/// from the alarms. An admin gets every project, or the one asked for; anyone else their own.</summary>
public sealed class GetAlarmUsageFunction(ApiRequest<AodhDialect> api, IUsageStore usage)
{
    public const string Name = "GetAlarmUsage";
    public const string Route = "v2/usage/alarms";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var projectId = request.Query["project_id"].ToString();
        if (projectId.Length > 0 && !caller.CanAccessProject(projectId))
        {
            return AodhResults.Error(ApiError.NotAuthorizedProject(projectId));
        }
        IReadOnlyList<AlarmUsage> entries = projectId.Length == 0 && caller.IsAdmin
            ? await usage.AllUsageAsync(cancellationToken)
            : [await usage.ProjectUsageAsync(projectId.Length > 0 ? projectId : caller.ProjectId, cancellationToken)];
        return AodhResults.Json(new JsonArray(entries.OrderBy(e => e.ProjectId, StringComparer.Ordinal).Select(Entry).ToArray()));
    });

    private static JsonNode Entry(AlarmUsage entry) => new JsonObject
    {
        ["total"] = entry.Counts.Total,
        ["alarm"] = entry.Counts.Alarm,
        ["ok"] = entry.Counts.Ok,
        ["insufficient_data"] = entry.Counts.InsufficientData,
        ["project_id"] = entry.ProjectId,
    };
}
