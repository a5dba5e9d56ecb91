using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Silences;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Functions.Silences;
using Alarming.Storage.Alarms;
using Alarming.Storage.Silences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary><c>POST /v2/silences</c> (ours): makes a silence of the caller's project (an admin may name
/// another), 201 with it; with <c>?dry_run=true</c>, 200 with the ids of the alarms it matches now,
/// making nothing. More than <c>Api__SilenceQuota</c> pending or active silences in the project is 403.</summary>
public sealed class CreateSilenceFunction(ApiRequest<AodhDialect> api, ISilenceStore silences, IAlarmStore alarms, ActiveSilences active,
    IOptions<ApiOptions> options, TimeProvider time)
{
    public const string Name = "CreateSilence";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SilenceRoutes.Silences)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var dryRunText = request.Query["dry_run"].ToString();
        var dryRun = false;
        if (dryRunText.Length > 0 && !PythonBoolean.TryParse(dryRunText, out dryRun))
        {
            return AodhResults.Error(ApiError.NotConvertible(dryRunText, "boolean"));
        }
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var now = time.GetUtcNow();
        var parsed = SilenceParser.Parse(body, caller, now, Guid.NewGuid().ToString());
        if (parsed.Value is not { } silence)
        {
            return AodhResults.Error(parsed.Error!);
        }
        if (dryRun)
        {
            var matches = SilenceFilter.Compile(silence.Filter);
            var matched = (await alarms.ListAsync(silence.ProjectId, cancellationToken)).Where(a => matches(SilenceTarget.Of(a)))
                .Select(a => a.AlarmId).Order(StringComparer.Ordinal);
            return AodhResults.Json(new JsonArray([.. matched.Select(id => (JsonNode?)id)]));
        }
        var quota = options.Value.SilenceQuota;
        if (quota >= 0 && (await silences.ListOpenAsync(silence.ProjectId, now, cancellationToken)).Count >= quota)
        {
            return AodhResults.Error(ApiError.Forbidden($"Silence quota exceeded for project {silence.ProjectId}"));
        }
        await silences.AddAsync(silence, cancellationToken);
        active.Forget(silence.ProjectId);
        return AodhResults.Json(SilenceBody.From(silence, now), 201);
    });
}
