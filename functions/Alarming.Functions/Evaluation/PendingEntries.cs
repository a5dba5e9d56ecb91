using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Evaluation;

/// <summary>The outbox entry an alarm row names as pending (<see cref="EvaluationMark.Pending"/>):
/// finished before the alarm's next decision, so effects keep their order, then cleared.</summary>
public sealed class PendingEntries(IAlarmStore alarms, OutboxFinisher finisher)
{
    /// <summary>Finishes the entry (again, if a crash interrupted it) and clears its id.</summary>
    public async Task FinishAsync(StoredAlarm stored, CancellationToken cancellationToken)
    {
        if (stored.Mark.Pending is not { } entryId)
        {
            return;
        }
        await finisher.FinishIfPendingAsync(stored.Alarm, entryId, cancellationToken);
        await ClearAsync(stored, cancellationToken);
    }

    /// <remarks>If the alarm changed meanwhile, the next writer keeps the mark; the entry is done either way.</remarks>
    public Task ClearAsync(StoredAlarm stored, CancellationToken cancellationToken) =>
        alarms.RecordEvaluationAsync(stored, stored.Alarm, stored.Mark with { Pending = null }, null, cancellationToken);
}
