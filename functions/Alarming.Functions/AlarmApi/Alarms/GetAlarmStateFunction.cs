using System.Text.Json.Nodes;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>GET /v2/alarms/{id}/state</c>: the state as a JSON string.</summary>
public sealed class GetAlarmStateFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms)
{
    public const string Name = "GetAlarmState";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.State)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var stored = await alarms.FindForAsync(alarmId, caller, cancellationToken);
        return stored is null
            ? AodhResults.Error(ApiError.AlarmNotFound(alarmId))
            : AodhResults.Json(JsonValue.Create(stored.Alarm.State));
    });
}
