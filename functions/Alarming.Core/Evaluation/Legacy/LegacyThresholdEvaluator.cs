using Alarming.Core.Alarms;

namespace Alarming.Core.Evaluation.Legacy;

/// <summary>Turns a legacy rule's measures into a <see cref="LeafOutcome"/>;
/// <see cref="ThresholdDecision"/> then decides as for the other threshold rules.</summary>
public static class LegacyThresholdEvaluator
{
    public static LeafOutcome Evaluate(StoredLegacyThresholdRule rule, IEnumerable<(DateTimeOffset At, double Value)> measures,
        DateTimeOffset now, TimeSpan ingestionLag)
    {
        var statistics = PeriodStatistics.Of(measures, rule.WindowStart(now, ingestionLag), now, rule.Period);
        if (rule.ExcludeOutliers)
        {
            statistics = PeriodStatistics.WithoutOutliers(statistics);
        }
        var kept = statistics.TakeLast(rule.EvaluationPeriods).Select(s => s.Value(rule.Statistic)).ToList();
        var integral = rule.Statistic == "count";
        if (kept.Count < rule.EvaluationPeriods)
        {
            // The one insufficient-data text of this rule, whatever the cause.
            return new LeafOutcome(AlarmStates.InsufficientData, null, [], 0, kept.Count > 0 ? kept[^1] : null,
                $"{rule.EvaluationPeriods} datapoints are unknown", integral);
        }
        return ThresholdLeafEvaluator.Judge(rule.Comparison, kept, integral);
    }
}
