using System.IO.Enumeration;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi.Measures;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Aggregates;

/// <summary>Finds and reads the series of an aggregates request: by metric id, or by metric name
/// pattern over the resources a search selects, each read as GET measures reads it.</summary>
public sealed class AggregateSeriesResolver(IMetricCatalog catalog, MeasureReader reader)
{
    public async Task<(IReadOnlyList<AggregateSeries> Series, IActionResult? Error)> ResolveAsync(JsonObject body, AggregateOperations operations,
        Caller caller, CancellationToken cancellationToken) =>
        body["search"] is { } search
            ? await BySearchAsync(search, (string?)body["resource_type"] ?? "generic", operations, caller, cancellationToken)
            : await ByIdAsync(operations, caller, cancellationToken);

    public async Task<(IReadOnlyList<AggregateSeries> Series, IActionResult? Error)> ReadAsync(IReadOnlyList<AggregateSeries> series,
        AggregatesQuery query, CancellationToken cancellationToken)
    {
        var read = new List<AggregateSeries>(series.Count);
        foreach (var one in series)
        {
            var result = await reader.ReadAsync(one.Metric, one.Aggregation, query.Granularity, query.Start, query.Stop, cancellationToken);
            var detail = new JsonArray(new JsonArray(one.Metric.Id.ToString(), one.Aggregation));
            switch (result.Problem)
            {
                case MeasureReadProblem.MethodMissing:
                    return ([], GnocchiResults.Error(404, new JsonObject { ["cause"] = "Metrics with unknown aggregation", ["detail"] = detail }));
                case MeasureReadProblem.GranularityMissing:
                    return ([], GnocchiResults.Error(400, new JsonObject
                    {
                        ["cause"] = "Metrics can't being aggregated", ["reason"] = "Granularities are missing", ["detail"] = detail,
                    }));
            }
            read.Add(one with { Points = result.Points });
        }
        return (read, null);
    }

    private async Task<(IReadOnlyList<AggregateSeries>, IActionResult?)> BySearchAsync(JsonNode search, string type,
        AggregateOperations operations, Caller caller, CancellationToken cancellationToken)
    {
        Func<ResourceDefinition, bool> matches;
        try
        {
            matches = ResourceFilter.Parse(search is JsonValue v && v.TryGetValue<string>(out var text) ? ResourceFilterText.ParseJsonOrText(text) : search,
                id => ResourceIds.TryResolve(id, MetricAccess.Creator(caller), out var g) ? g.ToString() : id);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return ([], GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid search", ["reason"] = e.Message }));
        }
        var series = new List<AggregateSeries>();
        var resources = (await catalog.ListResourcesAsync(cancellationToken))
            .Where(r => (type == "generic" || r.Type == type) && MetricAccess.CanRead(caller, r) && matches(r));
        foreach (var resource in resources)
        {
            foreach (var (pattern, aggregation) in operations.References)
            {
                foreach (var (_, id) in resource.Metrics.Where(m => FileSystemName.MatchesSimpleExpression(pattern, m.Key, ignoreCase: false)))
                {
                    if (await catalog.FindMetricAsync(id, cancellationToken) is { } metric)
                    {
                        series.Add(new AggregateSeries(resource.Id.ToString(), metric, aggregation));
                    }
                }
            }
        }
        return series.Count > 0
            ? (series, null)
            : ([], GnocchiResults.Error(400, new JsonObject
            {
                ["cause"] = "Metrics not found",
                ["detail"] = new JsonArray(operations.References.Select(r => (JsonNode?)r.Reference).ToArray()),
            }));
    }

    private async Task<(IReadOnlyList<AggregateSeries>, IActionResult?)> ByIdAsync(AggregateOperations operations, Caller caller,
        CancellationToken cancellationToken)
    {
        var series = new List<AggregateSeries>();
        var unknown = new JsonArray();
        foreach (var (reference, aggregation) in operations.References)
        {
            if (!Guid.TryParse(reference, out var id))
            {
                return ([], GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid metric references", ["detail"] = new JsonArray(reference) }));
            }
            var metric = await catalog.FindMetricAsync(id, cancellationToken);
            if (metric is null || !MetricAccess.CanWrite(caller, metric.Creator) && metric.ResourceId is null)
            {
                unknown.Add(reference);
                continue;
            }
            series.Add(new AggregateSeries("", metric, aggregation));
        }
        return unknown.Count == 0
            ? (series, null)
            : ([], GnocchiResults.Error(404, new JsonObject { ["cause"] = "Unknown metrics", ["reason"] = "Provided metrics don't exists", ["detail"] = unknown }));
    }
}
