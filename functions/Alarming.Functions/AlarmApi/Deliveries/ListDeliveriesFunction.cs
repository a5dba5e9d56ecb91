using System.Text.Json.Nodes;
using Alarming.Core.Queries;
using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Alarming.Storage.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Deliveries;

/// <summary><c>GET /v2/alarms/{id}/notifications</c> (ours): every attempt the notifier made for the
/// alarm, newest first, with <c>limit</c> (default 100, at most 1,000) and <c>marker</c> (a
/// <c>record_id</c>). Who may read it is who may read the alarm's history; a deleted alarm's log stays
/// readable to admins until retention ends.</summary>
public sealed class ListDeliveriesFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, IDeliveryLogStore deliveries)
{
    public const string Name = "ListDeliveries";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.Deliveries)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var asked = QueryLimit.Parse(request.Query["limit"]);
        if (asked.Error is { } invalid)
        {
            return AodhResults.Error(invalid);
        }
        var limit = asked.Value > 0 ? Math.Min(asked.Value, MaxLimit) : DefaultLimit;
        var found = await alarms.FindForAsync(alarmId, caller, cancellationToken) is not null;
        if (!found && !caller.IsAdmin)
        {
            return AodhResults.Error(ApiError.AlarmNotFound(alarmId));
        }
        var marker = request.Query["marker"].ToString();
        if (marker.Length > 0 && !await deliveries.ExistsAsync(alarmId, marker, cancellationToken))
        {
            return AodhResults.Error(ApiError.BadRequest($"Marker {marker} not found."));
        }
        // As in history: others see only the records of their own project (an admin may have moved the alarm).
        var records = await deliveries.ListAsync(alarmId, caller.IsAdmin ? null : caller.ProjectId, limit, marker.Length == 0 ? null : marker,
            cancellationToken);
        if (!found && marker.Length == 0 && records.Count == 0)
        {
            return AodhResults.Error(ApiError.AlarmNotFound(alarmId));
        }
        return AodhResults.Json(new JsonArray([.. records.Select(r => (JsonNode?)DeliveryBody.From(r, deliveries.Key(r)))]));
    });
}
