using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;
using Alarming.Functions.Changes;
using Alarming.Functions.Http;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>PUT /v2/alarms/{id}/state</c>: sets the state, moving its timestamp even when it
/// does not change, and records a state transition every time. Runs no actions.</summary>
public sealed class SetAlarmStateFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, ApiChanges changes,
    DeferredOutboxFinisher finisher, TimeProvider time)
{
    public const string Name = "SetAlarmState";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AlarmRoutes.State)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody("state"));
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (body is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !AlarmStates.IsValid(value.GetValue<string>()))
        {
            return AodhResults.Error(ApiError.BadRequest("state invalid"));
        }
        var state = value.GetValue<string>();
        return await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            var updated = AlarmFactory.SetState(stored.Alarm, state, PythonTimestamp.Truncate(time.GetUtcNow()));
            var change = changes.StateSet(stored.Alarm, updated, caller);
            if (await alarms.ReplaceAsync(stored, updated, change, cancellationToken) != WriteOutcome.Written)
            {
                return null;
            }
            await finisher.FinishAfterWriteAsync(change, cancellationToken);
            return AodhResults.Json(JsonValue.Create(state));
        }, cancellationToken);
    });
}
