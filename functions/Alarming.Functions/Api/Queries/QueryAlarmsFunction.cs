using Alarming.Core.Alarms;
using Alarming.Core.Queries;
using Alarming.Functions.Api.Alarms;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Api.Queries;

/// <summary><c>POST /v2/query/alarms</c> (api.md §6.5); actions are shown as stored.</summary>
public sealed class QueryAlarmsFunction(ApiRequest api, IAlarmStore alarms)
{
    public const string Name = "QueryAlarms";

    private static readonly ComplexQuery<Alarm> Query = new(AlarmFields.Complex, "project_id");

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Alarms)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var body = await api.ReadJsonAsync(request, "body", cancellationToken);
        if (body.Failed)
        {
            return AodhResults.Error(body.Error!);
        }
        var query = ComplexQueryBody.Parse(body.Value, Query, caller);
        if (query.Failed)
        {
            return AodhResults.Error(query.Error!);
        }
        var found = await alarms.ListAsync(caller.IsAdmin ? null : caller.ProjectId, cancellationToken);
        var result = ComplexQueryBody.Apply(found, query.Value!, AlarmFields.Timestamp, a => a.AlarmId);
        return AodhResults.Json(AlarmBody.List(result, normalizeActions: false));
    });
}
