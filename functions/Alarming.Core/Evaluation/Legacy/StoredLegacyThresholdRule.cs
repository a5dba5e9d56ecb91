using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Evaluation.Legacy;

/// <summary>A stored legacy <c>threshold_rule</c>, read for evaluation.</summary>
public sealed record StoredLegacyThresholdRule(JsonObject Rule)
{
    public string? MeterName => Text("meter_name");
    public int Period => Integer("period", 60);
    public int EvaluationPeriods => Integer("evaluation_periods", 1);
    public string Statistic => Text("statistic") ?? "avg";
    public bool ExcludeOutliers => Rule["exclude_outliers"] is JsonValue value && value.TryGetValue<bool>(out var exclude) && exclude;

    /// <summary>The comparison, as the Gnocchi rules have it: the field names are the same.</summary>
    public ThresholdRule Comparison => new("threshold", Rule);

    /// <summary>The window: the evaluation periods plus one period of look-back (all of them again when
    /// outliers are excluded), plus the ingestion lag.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan ingestionLag) =>
        now - TimeSpan.FromSeconds((double)Period * (EvaluationPeriods + (ExcludeOutliers ? EvaluationPeriods : 1))) - ingestionLag;

    private int Integer(string name, int fallback) => Rule[name] is { } node ? (int)JsonNumbers.ToDouble(node) : fallback;

    private string? Text(string name) => Rule[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
