using Alarming.Core.Validation;
using Alarming.Storage.Alarms;
using Alarming.Storage.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Api.Alarms;

/// <summary><c>DELETE /v2/alarms/{id}</c>: the alarm and its whole history (api.md §5).</summary>
public sealed class DeleteAlarmFunction(ApiRequest api, IAlarmStore alarms, IHistoryStore history)
{
    public const string Name = "DeleteAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AlarmRoutes.Alarm)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        return await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            if (await alarms.DeleteAsync(stored, cancellationToken) != WriteOutcome.Written)
            {
                return null;
            }
            await history.DeleteAlarmHistoryAsync(stored.Alarm.AlarmId, cancellationToken);
            return AodhResults.NoContent();
        }, cancellationToken);
    });
}
