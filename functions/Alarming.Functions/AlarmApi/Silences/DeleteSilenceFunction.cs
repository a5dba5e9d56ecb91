using Alarming.Core.Python;
using Alarming.Core.Silences;
using Alarming.Functions.Http;
using Alarming.Functions.Silences;
using Alarming.Storage.Silences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary><c>DELETE /v2/silences/{id}</c> (ours): expires the silence now, 204. It stays readable until
/// retention; the notifications it kept back are resent by <c>ResendSilenced</c> within a minute.</summary>
public sealed class DeleteSilenceFunction(ApiRequest<AodhDialect> api, ISilenceStore silences, ActiveSilences active, TimeProvider time)
{
    public const string Name = "DeleteSilence";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = SilenceRoutes.Silence)] HttpRequest request,
        string silenceId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var found = await SilenceLookup.FindAsync(silences, silenceId, caller, cancellationToken);
        if (found.Value is not { } silence)
        {
            return AodhResults.Error(found.Error!);
        }
        var now = time.GetUtcNow();
        if (silence.StateAt(now) != SilenceStates.Expired)
        {
            await silences.EndAsync(silence, PythonTimestamp.Truncate(now), cancellationToken);
            active.Forget(silence.ProjectId);
        }
        return AodhResults.NoContent();
    });
}
