using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>GET /v2/alarms/{id}</c>.</summary>
public sealed class GetAlarmFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms)
{
    public const string Name = "GetAlarm";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.Alarm)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var stored = await alarms.FindForAsync(alarmId, caller, cancellationToken);
        return stored is null
            ? AodhResults.Error(ApiError.AlarmNotFound(alarmId))
            : AodhResults.Json(AlarmBody.From(stored.Alarm));
    });
}
