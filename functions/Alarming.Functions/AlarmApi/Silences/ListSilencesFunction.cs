using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Silences;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Silences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary><c>GET /v2/silences</c> (ours): the caller's project's silences, newest first; <c>state</c> keeps
/// those in that state now. An admin may name a <c>project_id</c>, or ask for <c>all_projects=true</c>.</summary>
public sealed class ListSilencesFunction(ApiRequest<AodhDialect> api, ISilenceStore silences, TimeProvider time)
{
    public const string Name = "ListSilences";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SilenceRoutes.Silences)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var state = request.Query["state"].ToString();
        if (state.Length > 0 && !SilenceStates.All.Contains(state))
        {
            return AodhResults.Error(ApiError.InvalidInput("state", state, "Value should be one of: " + string.Join(", ", SilenceStates.All)));
        }
        var allText = request.Query["all_projects"].ToString();
        var all = false;
        if (allText.Length > 0 && !PythonBoolean.TryParse(allText, out all))
        {
            return AodhResults.Error(ApiError.NotConvertible(allText, "boolean"));
        }
        var projectId = request.Query["project_id"].ToString() is { Length: > 0 } named ? named : caller.ProjectId;
        if ((all || projectId != caller.ProjectId) && !caller.IsAdmin)
        {
            return all ? AodhResults.Error(ApiError.RbacFailed()) : AodhResults.Error(ApiError.NotAuthorizedProject(projectId));
        }
        var now = time.GetUtcNow();
        var listed = (await silences.ListAsync(all ? null : projectId, cancellationToken))
            .Where(s => state.Length == 0 || s.StateAt(now) == state)
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.SilenceId, StringComparer.Ordinal);
        return AodhResults.Json(new JsonArray([.. listed.Select(s => (JsonNode?)SilenceBody.From(s, now))]));
    });
}
