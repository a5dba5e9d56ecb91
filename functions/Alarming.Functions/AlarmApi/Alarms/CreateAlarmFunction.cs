using Alarming.Core.Alarms;
using Alarming.Core.Rules;
using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi.Quotas;
using Alarming.Functions.Changes;
using Alarming.Functions.Http;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>POST /v2/alarms</c>: validate, check ownership and quota, then
/// create the alarm, claim its name and write its outbox entry in one transaction (409 when
/// the name is taken), then write its history; the rest of the change finishes after the answer.</summary>
public sealed class CreateAlarmFunction(
    ApiRequest<AodhDialect> api, AlarmBodyParser parser, AlarmQuota quota, IAlarmStore alarms, ApiChanges changes,
    DeferredOutboxFinisher finisher, TimeProvider time)
{
    public const string Name = "CreateAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AlarmRoutes.Alarms)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
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
        var draft = parsed.Draft!;
        if (AlarmFactory.CheckOwnership(draft, caller) is { } notOwner)
        {
            return AodhResults.Error(notOwner);
        }
        var alarm = AlarmFactory.Create(draft, caller, Guid.NewGuid().ToString(), Core.Python.PythonTimestamp.Truncate(time.GetUtcNow()));
        if (await quota.CheckAsync(alarm.ProjectId, alarm.UserId, cancellationToken) is { } overQuota)
        {
            return AodhResults.Error(overQuota);
        }
        var change = changes.Creation(alarm, caller, draft.EvaluateTimestamp.Present);
        if (await alarms.CreateAsync(alarm, change, cancellationToken) == WriteOutcome.NameTaken)
        {
            return AodhResults.Error(ApiError.Conflict($"Alarm with name='{alarm.Name}' exists"));
        }
        await finisher.FinishAfterWriteAsync(change, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}/{AlarmRoutes.Alarms}/{alarm.AlarmId}";
        return AodhResults.Json(AlarmBody.From(alarm), 201);
    });
}
