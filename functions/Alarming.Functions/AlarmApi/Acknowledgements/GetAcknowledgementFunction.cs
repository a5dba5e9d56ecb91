using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Acknowledgements;

/// <summary><c>GET /v2/alarms/{id}/ack</c> (ours): the acknowledgement of the alarm's current state.</summary>
public sealed class GetAcknowledgementFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms)
{
    public const string Name = "GetAcknowledgement";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.Acknowledgement)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var stored = await alarms.FindForAsync(alarmId, caller, cancellationToken);
        return stored is null
            ? AodhResults.Error(ApiError.AlarmNotFound(alarmId))
            : AodhResults.Json(AcknowledgementBody.From(stored.Alarm.Acknowledgement));
    });
}
