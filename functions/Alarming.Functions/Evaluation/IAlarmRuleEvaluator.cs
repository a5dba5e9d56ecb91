using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;

namespace Alarming.Functions.Evaluation;

/// <summary>Decides one alarm type's outcome; picked by type from a dictionary, as Aodh's entry points are.</summary>
public interface IAlarmRuleEvaluator
{
    IReadOnlyList<string> Types { get; }

    Task<EvaluationResult> EvaluateAsync(Alarm alarm, DateTimeOffset now, IMetricSource metrics, CancellationToken cancellationToken);
}
