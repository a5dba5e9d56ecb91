using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The three Gnocchi threshold types (evaluation.md §3).</summary>
public sealed class ThresholdEvaluator(IOptions<EvaluationOptions> options) : IAlarmRuleEvaluator
{
    public IReadOnlyList<string> Types => AlarmTypes.GnocchiThresholds;

    public async Task<EvaluationResult> EvaluateAsync(Alarm alarm, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken)
    {
        var rule = new ThresholdRule(alarm.Type, alarm.Rule);
        var leaf = await EvaluateLeafAsync(rule, now, metrics, options.Value, cancellationToken);
        return ThresholdDecision.Decide(alarm.State, alarm.RepeatActions == true, rule, leaf);
    }

    public static async Task<LeafOutcome> EvaluateLeafAsync(ThresholdRule rule, DateTimeOffset now, IMetricSource metrics,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        var (start, stop) = rule.Window(now, TimeSpan.FromSeconds(options.AdditionalIngestionLagSeconds));
        return ThresholdLeafEvaluator.Evaluate(rule, await metrics.FetchAsync(rule, start, stop, cancellationToken));
    }
}
