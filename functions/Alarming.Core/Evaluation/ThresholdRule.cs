using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;

namespace Alarming.Core.Evaluation;

/// <summary>A stored Gnocchi threshold rule (top-level or composite leaf), read for evaluation.</summary>
public sealed record ThresholdRule(string Type, JsonObject Rule)
{
    public string ComparisonOperator => Text("comparison_operator") ?? "eq";
    public double Threshold => Rule["threshold"] is { } node ? JsonNumbers.ToDouble(node) : double.NaN;
    public string AggregationMethod => Text("aggregation_method") ?? "mean";
    public int EvaluationPeriods => (int)(Rule["evaluation_periods"] is { } node ? JsonNumbers.ToDouble(node) : 1);
    public long Granularity => (long)(Rule["granularity"] is { } node ? JsonNumbers.ToDouble(node) : 60);
    public string? Metric => Text("metric");
    public string? ResourceId => Text("resource_id");
    public string? ResourceType => Text("resource_type");
    public string? Query => Text("query");
    public IReadOnlyList<string> Metrics => Rule["metrics"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];

    /// <summary>What the rule reads, without how it aggregates: alarms with equal keys watch the
    /// same series, so evaluating them together lets them share one read.</summary>
    public string SeriesKey => string.Join('|', Type, ResourceId, Metric, string.Join(',', Metrics), Query, ResourceType, Granularity);

    /// <summary>The <see cref="SeriesKey"/> of a threshold alarm; null for other types.</summary>
    public static string? SeriesKeyOf(Alarm alarm) => IsThreshold(alarm.Type) ? new ThresholdRule(alarm.Type, alarm.Rule).SeriesKey : null;

    /// <summary>Aodh's window: one extra period of look-back plus the ingestion lag.</summary>
    public (DateTimeOffset Start, DateTimeOffset Stop) Window(DateTimeOffset now, TimeSpan ingestionLag) =>
        (now - TimeSpan.FromSeconds(Granularity * (EvaluationPeriods + 1)) - ingestionLag, now);

    public bool Holds(double value) => ComparisonOperator switch
    {
        "lt" => value < Threshold,
        "le" => value <= Threshold,
        "ne" => value != Threshold,
        "ge" => value >= Threshold,
        "gt" => value > Threshold,
        _ => value == Threshold,
    };

    public static bool IsThreshold(string type) => AlarmTypes.GnocchiThresholds.Contains(type);

    private string? Text(string name) => Rule[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
