using Alarming.Core.History;
using Alarming.Core.Queries;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Functions.Http;
using Alarming.Storage.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Queries;

/// <summary><c>POST /v2/query/alarms/history</c>; non-admins see entries on behalf of their project.</summary>
public sealed class QueryAlarmHistoryFunction(ApiRequest<AodhDialect> api, IHistoryStore history)
{
    public const string Name = "QueryAlarmHistory";

    private static readonly ComplexQuery<AlarmChange> Query = new(HistoryFields.Complex, "on_behalf_of");

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.History)] HttpRequest request,
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
        var found = await history.ListAllAsync(caller.IsAdmin ? null : caller.ProjectId, cancellationToken);
        var result = ComplexQueryBody.Apply(found, query.Value!, HistoryFields.Timestamp, c => c.EventId);
        return AodhResults.Json(AlarmChangeBody.List(result));
    });
}
