using Alarming.Core.Alarms;
using Alarming.Core.Queries;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Queries;

/// <summary><c>POST /v2/query/alarms</c>; actions are shown as stored.</summary>
public sealed class QueryAlarmsFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms)
{
    public const string Name = "QueryAlarms";

    private static readonly ComplexQuery<Alarm> Query = new(AlarmFields.Complex, "project_id");

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Alarms)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody("body"));
        if (unreadable is not null)
        {
            return unreadable;
        }
        var query = ComplexQueryBody.Parse(body, Query, caller);
        if (query.Failed)
        {
            return AodhResults.Error(query.Error!);
        }
        var found = await alarms.ListAsync(caller.IsAdmin ? null : caller.ProjectId, cancellationToken);
        var result = ComplexQueryBody.Apply(found, query.Value!, AlarmFields.Timestamp, a => a.AlarmId);
        return AodhResults.Json(AlarmBody.List(result, normalizeActions: false));
    });
}
