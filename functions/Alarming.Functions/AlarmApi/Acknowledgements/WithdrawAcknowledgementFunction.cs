using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Functions.Changes;
using Alarming.Functions.Http;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Acknowledgements;

/// <summary><c>DELETE /v2/alarms/{id}/ack</c> (ours): withdraws the acknowledgement (204, also when
/// there is none), recorded in history, so repeats of the state resume.</summary>
public sealed class WithdrawAcknowledgementFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, ApiChanges changes,
    DeferredOutboxFinisher finisher)
{
    public const string Name = "WithdrawAcknowledgement";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AlarmRoutes.Acknowledgement)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
        await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            if (stored.Alarm.Acknowledgement is null)
            {
                return AodhResults.NoContent();
            }
            var updated = stored.Alarm with { Acknowledgement = null };
            var change = changes.Acknowledgement(stored.Alarm, updated, caller);
            if (await alarms.ReplaceAsync(stored, updated, change, cancellationToken) != WriteOutcome.Written)
            {
                return null;
            }
            await finisher.FinishAfterWriteAsync(change, cancellationToken);
            return AodhResults.NoContent();
        }, cancellationToken));
}
