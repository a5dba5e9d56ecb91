using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.MetricApi.Aggregates;

/// <summary><c>POST /v1/aggregates</c>: series by metric id, or by metric name over the resources a
/// search selects, each read as GET measures reads it, combined by an <c>aggregate</c> operation
/// when there is one. Gaps are dropped (Gnocchi's <c>dropna</c>) unless <c>fill</c> gives a number.</summary>
public sealed class AggregatesFunction(ApiRequest<GnocchiDialect> api, AggregateSeriesResolver resolver, TimeProvider time)
{
    public const string Name = "Aggregates";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Aggregates)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var (query, badQuery) = AggregatesQuery.Parse(request.Query, time.GetUtcNow());
        if (badQuery is not null)
        {
            return badQuery;
        }
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var (operations, error) = AggregateOperations.Parse(body?["operations"]);
        if (operations is null || body is not JsonObject document)
        {
            return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid input", ["reason"] = error, ["detail"] = new JsonArray("operations") });
        }
        var (series, notFound) = await resolver.ResolveAsync(document, operations, caller, cancellationToken);
        if (notFound is not null)
        {
            return notFound;
        }
        var (read, unreadSeries) = await resolver.ReadAsync(series, query!, cancellationToken);
        if (unreadSeries is not null)
        {
            return unreadSeries;
        }
        return GnocchiResults.Json(operations.Method is { } method
            ? AggregatesResponse.Combined(read, method, query!.Fill)
            : AggregatesResponse.Apart(read, bySearch: document["search"] is not null));
    });
}
