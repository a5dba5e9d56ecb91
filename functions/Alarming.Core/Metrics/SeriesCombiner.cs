using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;

namespace Alarming.Core.Metrics;

/// <summary>Gnocchi's <c>aggregate</c> operation over several series: per
/// timestamp, the present values combined with M; <c>rate:M</c> then takes differences between
/// consecutive timestamps.</summary>
public static class SeriesCombiner
{
    public static IReadOnlyList<MeasurePoint> Combine(IReadOnlyList<IReadOnlyList<MeasurePoint>> series, string method, long granularity)
    {
        var rate = method.StartsWith("rate:", StringComparison.Ordinal);
        var baseMethod = rate ? method["rate:".Length..] : method;
        var combined = series.SelectMany(s => s)
            .GroupBy(p => p.Timestamp)
            .OrderBy(g => g.Key)
            .Select(g => new MeasurePoint(g.Key, granularity, CombineValues(baseMethod, g.Select(p => p.Value).ToList())))
            .Where(p => double.IsFinite(p.Value))
            .ToList();
        if (!rate)
        {
            return combined;
        }
        return combined.Skip(1).Select((p, i) => p with { Value = p.Value - combined[i].Value }).ToList();
    }

    private static double CombineValues(string method, IReadOnlyList<double> values) => method switch
    {
        "std" => Math.Sqrt(Variance(values)),
        "var" => Variance(values),
        _ => Aggregator.Compute(method, values) ?? double.NaN,
    };

    /// <summary>Population variance, as numpy computes it for the aggregate operation.</summary>
    private static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }
}
