using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Rules;
using Alarming.Core.Validation;
using Alarming.Functions.Changes;
using Alarming.Functions.Http;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>PUT /v2/alarms/{id}</c>: replaces the whole definition.</summary>
/// <remarks>The write is conditional on the version read; a lost race re-reads and re-applies
/// the body to the newer alarm, so the history diff is always against the alarm replaced.</remarks>
public sealed class UpdateAlarmFunction(
    ApiRequest<AodhDialect> api, AlarmBodyParser parser, IAlarmStore alarms, ApiChanges changes, DeferredOutboxFinisher finisher,
    TimeProvider time)
{
    public const string Name = "UpdateAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AlarmRoutes.Alarm)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody("data"));
        if (unreadable is not null)
        {
            return unreadable;
        }
        var parsed = parser.Parse(body, caller, AggregationMethods.All);
        if (parsed.Error is { } invalid)
        {
            return AodhResults.Error(invalid);
        }
        return await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            var updated = AlarmFactory.Replace(stored.Alarm, parsed.Draft!, caller, PythonTimestamp.Truncate(time.GetUtcNow()));
            var change = changes.Update(stored.Alarm, updated, caller, parsed.Draft!.EvaluateTimestamp.Present);
            switch (await alarms.ReplaceAsync(stored, updated, change, cancellationToken))
            {
                case WriteOutcome.NameTaken:
                    return AodhResults.Error(ApiError.Conflict($"Alarm with name='{updated.Name}' exists"));
                case WriteOutcome.Written:
                    if (change is not null)
                    {
                        await finisher.FinishAfterWriteAsync(change, cancellationToken);
                    }
                    return AodhResults.Json(AlarmBody.From(updated));
                default:
                    return null;
            }
        }, cancellationToken);
    });
}
