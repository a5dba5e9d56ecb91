using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;
using Alarming.Functions.MetricApi.Metrics;

namespace Alarming.Functions.MetricApi.Aggregates;

/// <summary>The <c>measures</c> of an aggregates answer: one combined series, or each series apart,
/// keyed by metric id (or by resource and metric name when found by search).</summary>
internal static class AggregatesResponse
{
    public static JsonObject Combined(IReadOnlyList<AggregateSeries> read, string method, double? fill)
    {
        var granularities = read.SelectMany(r => r.Points.Select(p => (long)p.Granularity)).Distinct().OrderDescending();
        var combined = granularities.SelectMany(g =>
            SeriesCombiner.Combine(read.Select(r => Filled(r.Points.Where(p => p.Granularity == g).ToList(), read, g, fill)).ToList(), method, g));
        return new JsonObject { ["measures"] = new JsonObject { ["aggregated"] = MetricBodies.Measures(combined) } };
    }

    public static JsonObject Apart(IReadOnlyList<AggregateSeries> read, bool bySearch)
    {
        var measures = new JsonObject();
        foreach (var group in read.GroupBy(r => bySearch ? r.Resource : r.Metric.Id.ToString()))
        {
            var entry = new JsonObject();
            foreach (var series in group)
            {
                var target = entry;
                if (bySearch)
                {
                    var name = series.Metric.Name ?? "";
                    target = entry[name] as JsonObject ?? (JsonObject)(entry[name] = new JsonObject());
                }
                target[series.Aggregation] = MetricBodies.Measures(series.Points);
            }
            measures[group.Key] = entry;
        }
        return new JsonObject { ["measures"] = measures };
    }

    /// <summary>With a numeric <c>fill</c>, every series gets a point at every timestamp any series has.</summary>
    private static IReadOnlyList<MeasurePoint> Filled(IReadOnlyList<MeasurePoint> points, IReadOnlyList<AggregateSeries> all, long granularity,
        double? fill)
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
}
