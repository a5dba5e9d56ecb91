using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
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

/// <summary><c>PUT /v2/alarms/{id}/ack</c> (ours) with <c>{"comment": "…"}</c>: acknowledges the alarm's
/// current state (<c>alarm</c> or <c>insufficient data</c>; 409 otherwise), written conditionally like
/// every state change, with an <c>acknowledgement</c> history entry.</summary>
public sealed class AcknowledgeAlarmFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, ApiChanges changes,
    DeferredOutboxFinisher finisher, TimeProvider time)
{
    public const string Name = "AcknowledgeAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AlarmRoutes.Acknowledgement)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody("ack"));
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (body is not JsonObject ack || ack.Any(p => p.Key != "comment") ||
            (ack["comment"] is { } given && (given is not JsonValue text || text.GetValueKind() != JsonValueKind.String)))
        {
            return AodhResults.Error(ApiError.BadRequest("An acknowledgement is {\"comment\": \"<text>\"}"));
        }
        var comment = ack["comment"]?.GetValue<string>();
        return await ConflictRetry.RunAsync(alarms, alarmId, caller, async stored =>
        {
            if (stored.Alarm.State == AlarmStates.Ok)
            {
                return AodhResults.Error(ApiError.Conflict($"Alarm {alarmId} is ok: only an alarm in alarm or insufficient data can be acknowledged"));
            }
            var acknowledgement = new Acknowledgement(caller.UserId, PythonTimestamp.Truncate(time.GetUtcNow()), comment);
            var updated = stored.Alarm with { Acknowledgement = acknowledgement };
            var change = changes.Acknowledgement(stored.Alarm, updated, caller);
            if (await alarms.ReplaceAsync(stored, updated, change, cancellationToken) != WriteOutcome.Written)
            {
                return null;
            }
            await finisher.FinishAfterWriteAsync(change, cancellationToken);
            return AodhResults.Json(AcknowledgementBody.From(acknowledgement));
        }, cancellationToken);
    });
}
