using Alarming.Core.Evaluation;
using Alarming.Core.Python;
using Alarming.Core.TimeConstraints;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Evaluation;

/// <summary>Evaluates one alarm as of a tick and applies the decision: the state fields and, in the
/// same conditional write, the decision's outbox entry (history entry, <c>alarm-notify</c> message,
/// change event, usage move).</summary>
/// <remarks>
/// Idempotent per (alarm, tick): the decision, the tick and the entry's id are written in one
/// transaction with the entry, whose ids derive from (alarm, tick). The entry is then finished and
/// the id cleared from the row. A redelivered message finds the tick recorded and only finishes an
/// entry a crash left; a later tick finishes it before deciding, so effects keep their order. A lost
/// race (an API update, another evaluator) re-reads and decides again. Only state fields are
/// written: an API change to the definition is never reverted.
/// </remarks>
public sealed class AlarmEvaluator(
    IAlarmStore alarms, RuleEvaluators evaluators, TransitionEntries entries, OutboxFinisher finisher, ILogger<AlarmEvaluator> logger)
{
    private const int MaxAttempts = 16;

    /// <param name="read">The alarm as read with the rest of its message's alarms, or null when it is gone;
    /// conflicts read it again.</param>
    public async Task EvaluateAsync(AlarmAddress address, StoredAlarm? read, DateTimeOffset tick, IMetricSource metrics,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = attempt == 0 ? read : await alarms.FindAsync(address.Id, address.ProjectId, cancellationToken);
            if (stored is null)
            {
                logger.LogDebug("Alarm {AlarmId} is gone; skipped", address.Id);
                return;
            }
            if (stored.Mark.LastTick >= tick)
            {
                await FinishPendingAsync(stored, cancellationToken);
                return;
            }
            if (stored.Mark.Pending is not null)
            {
                // An earlier tick's entry was interrupted (a crash): finish it before deciding anew.
                await FinishPendingAsync(stored, cancellationToken);
                continue;
            }
            if (await DecideAsync(stored, tick, metrics, cancellationToken) is null or WriteOutcome.Written)
            {
                return;
            }
        }
        throw new InvalidOperationException($"Alarm {address.Id} kept changing during evaluation; the message will be retried");
    }

    /// <returns>Null when there is nothing to record; else how the conditional write ended.</returns>
    private async Task<WriteOutcome?> DecideAsync(StoredAlarm stored, DateTimeOffset tick, IMetricSource metrics, CancellationToken cancellationToken)
    {
        var alarm = stored.Alarm;
        if (!alarm.IsEnabled || !evaluators.CanEvaluate(alarm.Type) || !TimeConstraintWindow.IsInside(alarm.TimeConstraints, tick))
        {
            return null;
        }
        var result = await evaluators.EvaluateAsync(alarm, tick, metrics, cancellationToken);
        if (result.Kind == EvaluationKind.None)
        {
            return null;
        }
        var updated = result.Kind == EvaluationKind.Transition
            ? alarm with { State = result.State, StateReason = result.Reason, StateTimestamp = PythonTimestamp.Truncate(tick) }
            : alarm;
        var entry = entries.For(alarm, updated, result, tick);
        if (entry is null && result.Kind != EvaluationKind.Transition)
        {
            return null;  // a repeat with no actions to run
        }
        var mark = new EvaluationMark(tick, entry?.Id);
        var (outcome, version) = await alarms.RecordEvaluationAsync(stored, updated, mark, entry, cancellationToken);
        if (outcome != WriteOutcome.Written)
        {
            return outcome;  // changed since read: decide again on the new version
        }
        logger.LogInformation("Alarm {AlarmId}: {Kind} {State} for tick {Tick}", alarm.AlarmId, result.Kind, result.State, tick);
        if (entry is not null)
        {
            // A failure here fails the message: its redelivery finds the tick recorded and finishes the entry.
            await finisher.FinishAsync(entry, cancellationToken);
            await ClearPendingAsync(new StoredAlarm(updated, version!, mark), cancellationToken);
        }
        return outcome;
    }

    /// <summary>Finishes the recorded tick's entry (again, if a crash interrupted it) and clears its id.</summary>
    private async Task FinishPendingAsync(StoredAlarm stored, CancellationToken cancellationToken)
    {
        if (stored.Mark.Pending is not { } entryId)
        {
            return;
        }
        await finisher.FinishIfPendingAsync(stored.Alarm.ProjectId, entryId, cancellationToken);
        await ClearPendingAsync(stored, cancellationToken);
    }

    /// <remarks>If the alarm changed meanwhile, the next writer keeps the mark; the entry is done either way.</remarks>
    private Task ClearPendingAsync(StoredAlarm stored, CancellationToken cancellationToken) =>
        alarms.RecordEvaluationAsync(stored, stored.Alarm, stored.Mark with { Pending = null }, null, cancellationToken);
}
