using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The three Gnocchi threshold types.</summary>
internal sealed class GnocchiThresholdRuleEvaluator(IOptions<EvaluationOptions> options) : IRuleEvaluator
{
    public IReadOnlyList<string> Types => AlarmTypes.GnocchiThresholds;

    public async Task<LeafOutcome> EvaluateAsync(ThresholdRule rule, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken)
    {
        var (start, stop) = rule.Window(now, TimeSpan.FromSeconds(options.Value.AdditionalIngestionLagSeconds));
        return ThresholdLeafEvaluator.Evaluate(rule, await metrics.FetchAsync(rule, start, stop, cancellationToken));
    }
}
