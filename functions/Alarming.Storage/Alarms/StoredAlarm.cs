using Alarming.Core.Alarms;

namespace Alarming.Storage.Alarms;

/// <summary>An alarm as read, with the version it was read at (updates are conditional on it)
/// and the evaluator's bookkeeping.</summary>
public sealed record StoredAlarm(Alarm Alarm, string Version, EvaluationMark Mark);

/// <summary>The evaluator's bookkeeping on an alarm row, written in the same conditional write as
/// the state it decided.</summary>
/// <param name="LastTick">The last tick whose evaluation changed something: a redelivered message
/// for that tick (or an older one) decides nothing again.</param>
/// <param name="Pending">The id of that evaluation's outbox entry until the evaluator saw it finished:
/// a later evaluation finishes it first (a crash interrupted it), so effects keep their order.</param>
/// <param name="Fired">The events that fired the alarm lately (event alarms only): a second delivery of one changes nothing.</param>
public sealed record EvaluationMark(DateTimeOffset? LastTick, string? Pending, IReadOnlyList<FiredEvent>? Fired = null)
{
    public static readonly EvaluationMark None = new(null, null);
}
