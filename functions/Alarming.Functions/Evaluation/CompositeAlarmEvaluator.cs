using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>Composite alarms (evaluation.md §4): leaves fetched lazily through the same source.</summary>
public sealed class CompositeAlarmEvaluator(IOptions<EvaluationOptions> options, CeilometerThresholdEvaluator legacy) : IAlarmRuleEvaluator
{
    public IReadOnlyList<string> Types => [AlarmTypes.Composite];

    public Task<EvaluationResult> EvaluateAsync(Alarm alarm, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken) =>
        CompositeEvaluator.EvaluateAsync(alarm.Rule, alarm.State, alarm.RepeatActions == true,
            leaf => leaf.Type == AlarmTypes.Threshold
                ? legacy.EvaluateLeafAsync(new LegacyThresholdRule(leaf.Rule), now, cancellationToken)
                : ThresholdEvaluator.EvaluateLeafAsync(leaf, now, metrics, options.Value, cancellationToken));
}
