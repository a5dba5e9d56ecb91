using Alarming.Functions.Changes;
using Alarming.Functions.Http;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Alarming.Storage.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>DELETE /v2/alarms/{id}</c>: the alarm and its whole history.</summary>
public sealed class DeleteAlarmFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, IHistoryStore history, ApiChanges changes,
    DeferredOutboxFinisher finisher)
{
    public const string Name = "DeleteAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AlarmRoutes.Alarm)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        return await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            var change = changes.Deletion(stored.Alarm, caller);
            if (await alarms.DeleteAsync(stored, change, cancellationToken) != WriteOutcome.Written)
            {
                return null;
            }
            await history.DeleteAlarmHistoryAsync(stored.Alarm.AlarmId, cancellationToken);
            await finisher.FinishAfterWriteAsync(change, cancellationToken);
            return AodhResults.NoContent();
        }, cancellationToken);
    });
}
