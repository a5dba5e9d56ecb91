namespace Alarming.Core.Evaluation.Legacy;

/// <summary>One period's statistics as Ceilometer's SQL driver computed them:
/// <c>count</c> is an integer, the others floats, <c>avg</c> = sum / count.</summary>
internal sealed record PeriodStatistics(DateTimeOffset PeriodStart, int Count, double Min, double Max, double Sum)
{
    public double Avg => Sum / Count;

    /// <summary>The value the rule's <c>statistic</c> names (<c>avg</c> unless another is given).</summary>
    public double Value(string statistic) => statistic switch
    {
        "max" => Max,
        "min" => Min,
        "sum" => Sum,
        "count" => Count,
        _ => Avg,
    };

    /// <summary>Splits [start, now] into periods anchored at <paramref name="start"/> and summarises
    /// the measures of each non-empty one, in period order. A measure in a period that starts after
    /// the last whole one (at <paramref name="now"/> itself, with no lag) is not used.</summary>
    public static IReadOnlyList<PeriodStatistics> Of(IEnumerable<(DateTimeOffset At, double Value)> measures, DateTimeOffset start,
        DateTimeOffset now, int periodSeconds)
    {
        var period = TimeSpan.FromSeconds(periodSeconds);
        var periods = (long)Math.Ceiling((now - start) / period);
        return measures
            .Where(m => m.At >= start && m.At <= now)
            .GroupBy(m => (long)Math.Floor((m.At - start) / period))
            .Where(g => g.Key < periods)
            .OrderBy(g => g.Key)
            .Select(g => new PeriodStatistics(start + period * g.Key, g.Count(), g.Min(m => m.Value), g.Max(m => m.Value), g.Sum(m => m.Value)))
            .ToList();
    }

    /// <summary>Aodh 5.1.1's <c>_sanitize</c>: drops every period whose count lies strictly beyond two
    /// population standard deviations of the mean count.</summary>
    public static IReadOnlyList<PeriodStatistics> WithoutOutliers(IReadOnlyList<PeriodStatistics> statistics)
    {
        if (statistics.Count == 0)
        {
            return statistics;
        }
        var mean = statistics.Average(s => (double)s.Count);
        var deviation = Math.Sqrt(statistics.Average(s => Math.Pow(s.Count - mean, 2)));
        var (lower, upper) = (mean - 2 * deviation, mean + 2 * deviation);
        return statistics.Where(s => s.Count >= lower && s.Count <= upper).ToList();
    }
}
