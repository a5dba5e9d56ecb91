using Alarming.Core.History;
using Alarming.Core.Queries;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Alarms;
using Alarming.Storage.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary><c>GET /v2/alarms/{id}/history</c>: the alarm's changes, newest first by default.</summary>
public sealed class ListAlarmHistoryFunction(ApiRequest<AodhDialect> api, IAlarmStore alarms, IHistoryStore history)
{
    public const string Name = "ListAlarmHistory";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmRoutes.History)] HttpRequest request,
        string alarmId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var query = HistoryListQuery.Parse(SimpleQueryString.Items(request.Query), caller);
        if (query.Failed)
        {
            return AodhResults.Error(query.Error!);
        }
        var paging = Paging<AlarmChange>.Parse(request.Query["limit"], SimpleQueryString.Values(request.Query, "sort"),
            request.Query["marker"], HistoryFields.Sortable);
        if (paging.Failed)
        {
            return AodhResults.Error(paging.Error!);
        }
        if (await alarms.FindForAsync(alarmId, caller, cancellationToken) is null)
        {
            return AodhResults.Error(ApiError.AlarmNotFound(alarmId));
        }
        var changes = await history.ListAsync(alarmId, cancellationToken);
        var ordered = ResultPage.Order(changes.Where(query.Value!.Matches), paging.Value!.Sort, c => c.EventId).ToList();
        var page = ResultPage.Take(ordered, paging.Value.Marker, paging.Value.Limit, c => c.EventId);
        return page.Failed ? AodhResults.Error(page.Error!) : AodhResults.Json(AlarmChangeBody.List(page.Value!));
    });
}
