using Alarming.Core.Evaluation;

namespace Alarming.Functions.Evaluation;

/// <summary>Reads and judges one threshold-like rule type, on its own or as a composite leaf; found
/// by type in <see cref="RuleEvaluators"/>, as Aodh's evaluators are through entry points.</summary>
public interface IRuleEvaluator
{
    IReadOnlyList<string> Types { get; }

    /// <param name="rule">The rule with its type: a top-level rule or a composite leaf.</param>
    Task<LeafOutcome> EvaluateAsync(ThresholdRule rule, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken);
}
