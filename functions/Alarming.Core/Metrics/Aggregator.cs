using System.Globalization;
using Alarming.Core.Evaluation;

namespace Alarming.Core.Metrics;

/// <summary>Aggregates raw measures into granularity buckets as Gnocchi does.</summary>
/// <remarks>Buckets start at epoch + floor((t − epoch)/g)·g; empty buckets are omitted.</remarks>
public static class Aggregator
{
    public static bool IsValidMethod(string method) => Rules.AggregationMethods.All.Contains(method);

    /// <param name="measures">Raw measures in time order; for <c>rate:</c> methods, include the
    /// measure before the window so the first difference can be taken.</param>
    /// <param name="start">Rounded down to its bucket; buckets starting before it are dropped.</param>
    /// <param name="stop">Exclusive: buckets starting at or after it are dropped.</param>
    public static IReadOnlyList<MeasurePoint> Aggregate(
        IReadOnlyList<Measure> measures, string method, long granularity, DateTimeOffset? start, DateTimeOffset? stop)
    {
        IReadOnlyList<Measure> series = measures;
        var baseMethod = method;
        if (method.StartsWith("rate:", StringComparison.Ordinal))
        {
            baseMethod = method["rate:".Length..];
            series = measures.Skip(1).Select((m, i) => new Measure(m.Timestamp, m.Value - measures[i].Value)).ToList();
        }
        var roundedStart = start is { } s ? BucketStart(s, granularity) : (DateTimeOffset?)null;
        var points = new List<MeasurePoint>();
        foreach (var bucket in series.GroupBy(m => BucketStart(m.Timestamp, granularity)).OrderBy(g => g.Key))
        {
            if ((roundedStart is { } rs && bucket.Key < rs) || (stop is { } st && bucket.Key >= st))
            {
                continue;
            }
            if (Compute(baseMethod, bucket.Select(m => m.Value).ToList()) is { } value)
            {
                points.Add(new MeasurePoint(bucket.Key, granularity, value));
            }
        }
        return points;
    }

    public static DateTimeOffset BucketStart(DateTimeOffset timestamp, long granularity)
    {
        var seconds = timestamp.ToUnixTimeMilliseconds() / 1000.0;
        var bucket = Math.Floor(seconds / granularity) * granularity;
        return DateTimeOffset.FromUnixTimeSeconds((long)bucket);
    }

    /// <summary>One bucket's value; <c>null</c> when the method gives no point (std of one value).</summary>
    public static double? Compute(string method, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        switch (method)
        {
            case "mean": return values.Average();
            case "sum": return values.Sum();
            case "min": return values.Min();
            case "max": return values.Max();
            case "count": return values.Count;
            case "first": return values[0];
            case "last": return values[^1];
            case "median": return Percentile(values, 50);
            case "std":
                if (values.Count < 2)
                {
                    return null;
                }
                var mean = values.Average();
                return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        }
        if (method.EndsWith("pct", StringComparison.Ordinal) &&
            int.TryParse(method[..^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pct) && pct is >= 1 and <= 99)
        {
            return Percentile(values, pct);
        }
        throw new ArgumentException($"Unknown aggregation method {method}", nameof(method));
    }

    /// <summary>Linear interpolation at 0-based position (n−1)·p/100 of the sorted values.</summary>
    private static double Percentile(IReadOnlyList<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var position = (sorted.Count - 1) * percent / 100;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
