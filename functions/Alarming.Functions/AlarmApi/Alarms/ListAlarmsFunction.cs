using Alarming.Core.Alarms;
using Alarming.Core.Queries;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>GET /v2/alarms</c>: the caller's project (or all, for an admin asking), filtered,
/// ordered (default newest first) and paged.</summary>
public sealed class ListAlarmsFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms)
{
    public const string Name = "ListAlarms";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.Alarms)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var query = AlarmListQuery.Parse(SimpleQueryString.Items(request.Query), caller);
        if (query.Failed)
        {
            return AodhResults.Error(query.Error!);
        }
        var paging = Paging<Alarm>.Parse(request.Query["limit"], SimpleQueryString.Values(request.Query, "sort"),
            request.Query["marker"], AlarmFields.Sortable);
        if (paging.Failed)
        {
            return AodhResults.Error(paging.Error!);
        }
        var found = await alarms.ListAsync(query.Value!.ProjectId, cancellationToken);
        var ordered = ResultPage.Order(found.Where(query.Value.Matches), paging.Value!.Sort, a => a.AlarmId).ToList();
        var page = ResultPage.Take(ordered, paging.Value.Marker, paging.Value.Limit, a => a.AlarmId);
        return page.Failed ? AodhResults.Error(page.Error!) : AodhResults.Json(AlarmBody.List(page.Value!));
    });
}
