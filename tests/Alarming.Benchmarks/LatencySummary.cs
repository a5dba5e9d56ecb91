namespace Alarming.Benchmarks;

/// <summary>Latencies as the benchmarks print them: p50, p99 and the largest.</summary>
internal static class LatencySummary
{
    public static string Of(IReadOnlyCollection<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        double Percentile(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        return $"p50 {Percentile(0.50):F2} s, p99 {Percentile(0.99):F2} s, max {sorted[^1]:F2} s";
    }
}
