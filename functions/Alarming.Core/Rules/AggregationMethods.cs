namespace Alarming.Core.Rules;

/// <summary>The aggregation methods of the built-in metric store, as its
/// <c>GET /v1/capabilities</c> lists them.</summary>
public static class AggregationMethods
{
    public static readonly IReadOnlyList<string> Basic = ["mean", "sum", "last", "max", "min", "std", "median", "first", "count"];

    public static readonly IReadOnlyList<string> All =
    [
        .. Basic,
        .. Enumerable.Range(1, 99).Select(i => $"{i}pct"),
        .. Basic.Select(m => "rate:" + m),
        .. Enumerable.Range(1, 99).Select(i => $"rate:{i}pct"),
    ];
}
