using Alarming.Core.Alarms;
using Alarming.Core.Python;

namespace Alarming.Core.Evaluation;

/// <summary>Turns a rule's fetched points into a <see cref="LeafOutcome"/>.</summary>
public static class ThresholdLeafEvaluator
{
    public static LeafOutcome Evaluate(ThresholdRule rule, MeasureFetch fetch)
    {
        if (fetch.Failure is { } failure)
        {
            return Unknown(FailureReason(rule, failure), null);
        }
        // Timestamps are ignored, as in Aodh: only values at the rule's granularity count.
        var values = fetch.Points.Where(p => p.Granularity == rule.Granularity).Select(p => p.Value).ToList();
        if (values.Count == 0)
        {
            return Unknown($"No datapoint for granularity {rule.Granularity}", null);
        }
        var kept = values.TakeLast(rule.EvaluationPeriods).ToList();
        if (kept.Count < rule.EvaluationPeriods)
        {
            // Aodh prints the required count here, not the missing one.
            return Unknown($"{rule.EvaluationPeriods} datapoints are unknown", kept[^1]);
        }
        return Judge(rule, kept);
    }

    /// <summary>A full window of kept values against the threshold: all hold (alarm), none (ok), or mixed with a trend.</summary>
    public static LeafOutcome Judge(ThresholdRule rule, IReadOnlyList<double> kept, bool integral = false)
    {
        var outside = kept.Count(rule.Holds);
        var state = outside == kept.Count ? AlarmStates.Alarm : outside == 0 ? AlarmStates.Ok : null;
        var trend = state is null ? (rule.Holds(kept[^1]) ? AlarmStates.Alarm : AlarmStates.Ok) : null;
        return new LeafOutcome(state, trend, kept, outside, kept[^1], null, integral);
    }

    private static LeafOutcome Unknown(string reason, double? mostRecent) =>
        new(AlarmStates.InsufficientData, null, [], 0, mostRecent, reason);

    /// <summary>Aodh's exact texts, typos included.</summary>
    private static string FailureReason(ThresholdRule rule, FetchFailure failure)
    {
        var metrics = PythonRepr.List(rule.Metrics);
        return (rule.Type, failure.Kind) switch
        {
            (_, FetchFailureKind.Other) => $"alarm statistics retrieval failed: {failure.Message}",
            (AlarmTypes.GnocchiResources, FetchFailureKind.MetricNotFound) => $"metric {rule.Metric} for resource {rule.ResourceId} does not exists",
            (AlarmTypes.GnocchiResources, FetchFailureKind.ResourceNotFound) => $"resource {rule.ResourceId} does not exists",
            (AlarmTypes.GnocchiResources, _) => $"aggregation {rule.AggregationMethod} does not exist for metric {rule.Metric} of resource {rule.ResourceId}",
            (AlarmTypes.GnocchiAggregationByMetrics, FetchFailureKind.MetricNotFound) => $"At least of metrics in {metrics} does not exist",
            (AlarmTypes.GnocchiAggregationByMetrics, _) => $"aggregation {rule.AggregationMethod} does not exist for at least one metrics in {metrics}",
            (_, FetchFailureKind.MetricNotFound) => $"metric {rule.Metric} does not exists",
            _ => $"aggregation {rule.AggregationMethod} does not exist for at least one metric of the query",
        };
    }
}
