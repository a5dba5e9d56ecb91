using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;

namespace Alarming.Functions.Evaluation;

/// <summary>The one list of alarm types the evaluator can judge: every <see cref="IRuleEvaluator"/>'s
/// types, and composite alarms over them. The fan-out enqueues only these types, and composite
/// leaves are dispatched through the same lookup.</summary>
public sealed class RuleEvaluators
{
    private readonly Dictionary<string, IRuleEvaluator> byType;

    public RuleEvaluators(IEnumerable<IRuleEvaluator> evaluators)
    {
        byType = evaluators.SelectMany(e => e.Types.Select(t => (t, e))).ToDictionary(p => p.t, p => p.e);
    }

    public bool CanEvaluate(string type) => type == AlarmTypes.Composite || byType.ContainsKey(type);

    /// <summary>The alarm's decision as of <paramref name="now"/>: composite trees lazily, leaf by leaf.</summary>
    public async Task<EvaluationResult> EvaluateAsync(Alarm alarm, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken)
    {
        var repeat = alarm.RepeatActions == true;
        if (alarm.Type == AlarmTypes.Composite)
        {
            return await CompositeEvaluator.EvaluateAsync(alarm.Rule, alarm.State, repeat,
                leaf => EvaluateLeafAsync(leaf, now, metrics, cancellationToken));
        }
        var rule = new ThresholdRule(alarm.Type, alarm.Rule);
        return ThresholdDecision.Decide(alarm.State, repeat, rule, await EvaluateLeafAsync(rule, now, metrics, cancellationToken));
    }

    private Task<LeafOutcome> EvaluateLeafAsync(ThresholdRule rule, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken) =>
        byType.TryGetValue(rule.Type, out var evaluator)
            ? evaluator.EvaluateAsync(rule, now, metrics, cancellationToken)
            : throw new InvalidOperationException($"No evaluator for rule type {rule.Type}");
}
