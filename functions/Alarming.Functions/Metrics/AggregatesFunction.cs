using System.Globalization;
using System.IO.Enumeration;
using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Alarming.Storage.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Metrics;

/// <summary><c>POST /v1/aggregates</c> (metrics.md §5): series by metric id, or by metric name over
/// the resources a search selects, each read as GET measures reads it, combined by an
/// <c>aggregate</c> operation when there is one. Gaps are dropped (Gnocchi's <c>dropna</c>) unless
/// <c>fill</c> gives a number.</summary>
public sealed class AggregatesFunction(MetricRequest api, IMetricCatalog catalog, MeasureReader reader, TimeProvider time)
{
    public const string Name = "Aggregates";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Aggregates)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var now = time.GetUtcNow();
        DateTimeOffset? start = null, stop = null;
        if (request.Query["start"].ToString() is { Length: > 0 } startText)
        {
            if (!GnocchiTime.TryParse(startText, now, out var s))
            {
                return ArgumentError("start", "Must be a datetime or a timestamp");
            }
            start = s;
        }
        if (request.Query["stop"].ToString() is { Length: > 0 } stopText)
        {
            if (!GnocchiTime.TryParse(stopText, now, out var s))
            {
                return ArgumentError("stop", "Must be a datetime or a timestamp");
            }
            stop = s;
        }
        long? granularity = null;
        if (request.Query["granularity"].ToString() is { Length: > 0 } granularityText)
        {
            if (!GnocchiTime.TryParseSpan(granularityText, out var span))
            {
                return ArgumentError("granularity", "Unable to parse timespan");
            }
            granularity = (long)span.TotalSeconds;
        }
        double? fill = null;
        if (request.Query["fill"].ToString() is { Length: > 0 } fillText && fillText is not ("dropna" or "null"))
        {
            if (!double.TryParse(fillText, NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
            {
                return ArgumentError("fill", "Must be a float, 'dropna' or 'null'");
            }
            fill = f;
        }
        if (request.Query.ContainsKey("groupby"))
        {
            return GnocchiResults.Invalid("groupby is not supported by this metric store", "groupby");
        }
        var (body, invalid) = await api.ReadJsonAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        var (operations, error) = AggregateOperations.Parse(body?["operations"]);
        if (error is not null)
        {
            return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid input", ["reason"] = error, ["detail"] = new JsonArray("operations") });
        }

        // Resolve references to (label, metric, aggregation) series.
        var series = new List<(string Resource, MetricDefinition Metric, string Aggregation)>();
        if (body!["search"] is { } search)
        {
            var type = body["resource_type"]?.GetValue<string>() ?? "generic";
            Func<ResourceDefinition, bool> matches;
            try
            {
                matches = ResourceFilter.Parse(search is JsonValue v && v.TryGetValue<string>(out var text) ? ResourceFilterText.ParseJsonOrText(text) : search,
                    id => ResourceIds.TryResolve(id, MetricRequest.Creator(caller), out var g) ? g.ToString() : id);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid search", ["reason"] = e.Message });
            }
            var resources = (await catalog.ListResourcesAsync(cancellationToken))
                .Where(r => (type == "generic" || r.Type == type) && MetricAccess.CanRead(caller, r) && matches(r)).ToList();
            foreach (var resource in resources)
            {
                foreach (var (pattern, aggregation) in operations!.References)
                {
                    foreach (var (name, id) in resource.Metrics.Where(m => FileSystemName.MatchesSimpleExpression(pattern, m.Key, ignoreCase: false)))
                    {
                        if (await catalog.FindMetricAsync(id, cancellationToken) is { } metric)
                        {
                            series.Add((resource.Id.ToString(), metric, aggregation));
                        }
                    }
                }
            }
            if (series.Count == 0)
            {
                return GnocchiResults.Error(400, new JsonObject
                {
                    ["cause"] = "Metrics not found",
                    ["detail"] = new JsonArray(operations!.References.Select(r => (JsonNode?)r.Reference).ToArray()),
                });
            }
        }
        else
        {
            var unknown = new JsonArray();
            foreach (var (reference, aggregation) in operations!.References)
            {
                if (!Guid.TryParse(reference, out var id))
                {
                    return GnocchiResults.Error(400, new JsonObject { ["cause"] = "Invalid metric references", ["detail"] = new JsonArray(reference) });
                }
                var metric = await catalog.FindMetricAsync(id, cancellationToken);
                if (metric is null || !MetricAccess.CanWrite(caller, metric.Creator) && metric.ResourceId is null)
                {
                    unknown.Add(reference);
                    continue;
                }
                series.Add(("", metric, aggregation));
            }
            if (unknown.Count > 0)
            {
                return GnocchiResults.Error(404, new JsonObject { ["cause"] = "Unknown metrics", ["reason"] = "Provided metrics don't exists", ["detail"] = unknown });
            }
        }

        var read = new List<(string Resource, MetricDefinition Metric, string Aggregation, IReadOnlyList<MeasurePoint> Points)>();
        foreach (var (resource, metric, aggregation) in series)
        {
            var result = await reader.ReadAsync(metric, aggregation, granularity, start, stop, cancellationToken);
            switch (result.Problem)
            {
                case MeasureReadProblem.MethodMissing:
                    return GnocchiResults.Error(404, new JsonObject
                    {
                        ["cause"] = "Metrics with unknown aggregation",
                        ["detail"] = new JsonArray(new JsonArray(metric.Id.ToString(), aggregation)),
                    });
                case MeasureReadProblem.GranularityMissing:
                    return GnocchiResults.Error(400, new JsonObject
                    {
                        ["cause"] = "Metrics can't being aggregated", ["reason"] = "Granularities are missing",
                        ["detail"] = new JsonArray(new JsonArray(metric.Id.ToString(), aggregation)),
                    });
            }
            read.Add((resource, metric, aggregation, result.Points));
        }

        if (operations.Method is { } method)
        {
            var granularities = read.SelectMany(r => r.Points.Select(p => (long)p.Granularity)).Distinct().OrderDescending();
            var combined = granularities.SelectMany(g => SeriesCombiner.Combine(read.Select(r => Filled(r.Points.Where(p => p.Granularity == g).ToList(), read, g, fill)).ToList(), method, g));
            return GnocchiResults.Json(new JsonObject { ["measures"] = new JsonObject { ["aggregated"] = MetricBodies.Measures(combined) } });
        }
        var measures = new JsonObject();
        foreach (var group in read.GroupBy(r => body["search"] is null ? r.Metric.Id.ToString() : r.Resource))
        {
            var entry = new JsonObject();
            foreach (var r in group)
            {
                JsonObject target = entry;
                if (body["search"] is not null)
                {
                    target = entry[r.Metric.Name ?? ""] as JsonObject ?? (JsonObject)(entry[r.Metric.Name ?? ""] = new JsonObject());
                }
                target[r.Aggregation] = MetricBodies.Measures(r.Points);
            }
            measures[group.Key] = entry;
        }
        return GnocchiResults.Json(new JsonObject { ["measures"] = measures });
    });

    /// <summary>With a numeric <c>fill</c>, every series gets a point at every timestamp any series has.</summary>
    private static IReadOnlyList<MeasurePoint> Filled(IReadOnlyList<MeasurePoint> points,
        IEnumerable<(string, MetricDefinition, string, IReadOnlyList<MeasurePoint> Points)> all, long granularity, double? fill)
    {
        if (fill is not { } value)
        {
            return points;
        }
        var present = points.Select(p => p.Timestamp).ToHashSet();
        var missing = all.SelectMany(a => a.Points).Where(p => p.Granularity == granularity && !present.Contains(p.Timestamp))
            .Select(p => p.Timestamp).Distinct().Select(t => new MeasurePoint(t, granularity, value));
        return points.Concat(missing).OrderBy(p => p.Timestamp).ToList();
    }

    private static IActionResult ArgumentError(string name, string reason) => GnocchiResults.Error(400, new JsonObject
    {
        ["cause"] = "Argument value error", ["detail"] = name, ["reason"] = reason,
    });
}
