using Alarming.Functions.Http;
using Alarming.Storage.Silences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary><c>GET /v2/silences/{id}</c> (ours).</summary>
public sealed class GetSilenceFunction(ApiRequest<AodhDialect> api, ISilenceStore silences, TimeProvider time)
{
    public const string Name = "GetSilence";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SilenceRoutes.Silence)] HttpRequest request,
        string silenceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var found = await SilenceLookup.FindAsync(silences, silenceId, caller, cancellationToken);
        return found.Value is { } silence ? AodhResults.Json(SilenceBody.From(silence, time.GetUtcNow())) : AodhResults.Error(found.Error!);
    });
}
