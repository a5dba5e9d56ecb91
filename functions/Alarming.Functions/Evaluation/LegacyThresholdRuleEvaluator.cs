using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The legacy <c>threshold</c> type: the meter's raw measures on the
/// resources the query selects, as Ceilometer's statistics, then Aodh's threshold decision.</summary>
/// <remarks>The samples come through the message's <see cref="IMetricSource"/>, so alarms on one meter
/// and query share one read.</remarks>
internal sealed class LegacyThresholdRuleEvaluator(IOptions<EvaluationOptions> options, ILogger<LegacyThresholdRuleEvaluator> logger)
    : IRuleEvaluator
{
    public IReadOnlyList<string> Types => [AlarmTypes.Threshold];

    public async Task<LeafOutcome> EvaluateAsync(ThresholdRule comparison, DateTimeOffset now, IMetricSource metrics,
        CancellationToken cancellationToken)
    {
        var rule = new StoredLegacyThresholdRule(comparison.Rule);
        var lag = TimeSpan.FromSeconds(options.Value.AdditionalIngestionLagSeconds);
        IReadOnlyList<(DateTimeOffset, double)> window;
        try
        {
            window = await metrics.ReadMeterAsync(rule, rule.WindowStart(now, lag), now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Aodh answered no statistics on any error; the rule reads as insufficient data.
            logger.LogWarning(e, "Statistics of meter {Meter} could not be read", rule.MeterName);
            window = [];
        }
        return LegacyThresholdEvaluator.Evaluate(rule, window, now, lag);
    }
}
