using System.Collections.Concurrent;
using Alarming.Core.Evaluation;
using Alarming.Core.Python;
using Alarming.Core.TimeConstraints;
using Alarming.Functions.Outbox;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Evaluation;

/// <summary>Evaluates alarms as of a tick and applies the decisions: the state fields and, in the
/// same conditional write, each decision's outbox entry (history entry, <c>alarm-notify</c> message,
/// change event, usage move).</summary>
/// <remarks>
/// Idempotent per (alarm, tick): the decision, the tick and the entry's id are written in one
/// transaction with the entry, whose ids derive from (alarm, tick). The entry is then finished; the
/// id stays on the row (the one-alarm path clears it), and the next fan-out, which lists the entries
/// still pending, carries the alarm without it once the entry is gone. A redelivered message finds the tick recorded and only finishes an
/// entry a crash left; a later tick finishes it before deciding, so effects keep their order. A lost
/// race (an API update, another evaluator) re-reads and decides again. Only state fields are
/// written: an API change to the definition is never reverted. The decisions of one message are
/// written together, a transaction per alarm partition and up to 50 alarms, except the first few
/// that notify, each written as soon as it is decided; anything unusual (a conflict, an entry left
/// pending, a tick already recorded) takes the one-alarm path.
/// </remarks>
public sealed class AlarmEvaluator(
    IAlarmStore alarms, RuleEvaluators evaluators, TransitionEntries entries, OutboxFinisher finisher, PendingEntries pending,
    ILogger<AlarmEvaluator> logger)
{
    private const int MaxAttempts = 16;
    private const int Parallelism = 8;

    /// <summary>How many notifying transitions of a message are written the moment they are decided.</summary>
    /// <remarks>A webhook should not wait for the rest of its message's alarms: with a few transitions
    /// per message (the usual tick) each goes out at once, while a storm still writes nearly all of its
    /// transitions together, paying only this many extra writes per message.</remarks>
    private const int PromptPerMessage = 2;

    /// <summary>What one evaluation decided, ready to be written.</summary>
    private sealed record Decision(AlarmAddress Address, EvaluationWrite Write, EvaluationResult Result);

    /// <param name="read">Each alarm as read with the rest of its message's alarms, or null when it is gone.</param>
    public async Task EvaluateManyAsync(IReadOnlyList<(AlarmAddress Address, StoredAlarm? Read)> read, DateTimeOffset tick,
        IMetricSource metrics, CancellationToken cancellationToken)
    {
        var decisions = new ConcurrentQueue<Decision>();
        var alone = new ConcurrentQueue<(AlarmAddress Address, StoredAlarm Read)>();
        var conflicts = new ConcurrentQueue<AlarmAddress>();
        var prompt = 0;
        await Parallel.ForEachAsync(read.Where(a => a.Read is not null), Options(cancellationToken), async (alarm, ct) =>
        {
            var stored = alarm.Read!;
            if (stored.Mark.LastTick >= tick || stored.Mark.Pending is not null)
            {
                alone.Enqueue((alarm.Address, stored));
                return;
            }
            var decision = await DecideAsync(alarm.Address, stored, tick, metrics, ct);
            if (decision?.Write.Entry?.Notification is not null && Interlocked.Increment(ref prompt) <= PromptPerMessage)
            {
                await ApplyManyAsync([decision], conflicts, ct);
            }
            else if (decision is not null)
            {
                decisions.Enqueue(decision);
            }
        });
        await ApplyManyAsync(decisions.ToList(), conflicts, cancellationToken);
        await Parallel.ForEachAsync(alone, Options(cancellationToken), async (alarm, ct) =>
            await EvaluateAsync(alarm.Address, alarm.Read, tick, metrics, ct));
        await Parallel.ForEachAsync(conflicts, Options(cancellationToken), async (address, ct) =>
            await EvaluateAsync(address, await alarms.FindAsync(address.Id, address.ProjectId, ct), tick, metrics, ct));
    }

    /// <summary>Writes the decisions together and finishes the entries of those written.</summary>
    /// <param name="conflicts">Gets the alarms whose write lost to a change since read.</param>
    private async Task ApplyManyAsync(List<Decision> decided, ConcurrentQueue<AlarmAddress> conflicts, CancellationToken cancellationToken)
    {
        var outcomes = await alarms.RecordEvaluationsAsync(decided.Select(d => d.Write).ToList(), cancellationToken);
        var written = new List<Decision>();
        for (var i = 0; i < decided.Count; i++)
        {
            if (outcomes[i].Outcome == WriteOutcome.Written)
            {
                Log(decided[i]);
                written.Add(decided[i]);
            }
            else
            {
                conflicts.Enqueue(decided[i].Address);
            }
        }
        // A failure here fails the message: its redelivery finds the ticks recorded and finishes the entries.
        // The marks stay: the next fan-out sees these entries gone and carries the alarms without them.
        await finisher.FinishManyAsync(written.Where(w => w.Write.Entry is not null).Select(w => w.Write.Entry!).ToList(),
            cancellationToken);
    }

    /// <param name="read">The alarm as read, or null when it is gone; conflicts read it again.</param>
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
                await pending.FinishAsync(stored, cancellationToken);
                return;
            }
            if (stored.Mark.Pending is not null)
            {
                // An earlier tick's entry was interrupted (a crash): finish it before deciding anew.
                await pending.FinishAsync(stored, cancellationToken);
                continue;
            }
            if (await DecideAsync(address, stored, tick, metrics, cancellationToken) is not { } decision ||
                await ApplyAsync(decision, cancellationToken) == WriteOutcome.Written)
            {
                return;
            }
        }
        throw new InvalidOperationException($"Alarm {address.Id} kept changing during evaluation; the message will be retried");
    }

    /// <returns>Null when there is nothing to record.</returns>
    private async Task<Decision?> DecideAsync(AlarmAddress address, StoredAlarm stored, DateTimeOffset tick, IMetricSource metrics,
        CancellationToken cancellationToken)
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
            ? alarm with { State = result.State, StateReason = result.Reason, StateTimestamp = PythonTimestamp.Truncate(tick), Acknowledgement = null }
            : alarm;
        var entry = entries.For(alarm, updated, result, tick);
        if (entry is null && result.Kind != EvaluationKind.Transition)
        {
            return null;  // a repeat with no actions to run
        }
        return new Decision(address, new EvaluationWrite(stored, updated, stored.Mark with { LastTick = tick, Pending = entry?.Id }, entry), result);
    }

    private async Task<WriteOutcome> ApplyAsync(Decision decision, CancellationToken cancellationToken)
    {
        var write = decision.Write;
        var (outcome, version) = await alarms.RecordEvaluationAsync(write.Stored, write.Updated, write.Mark, write.Entry, cancellationToken);
        if (outcome != WriteOutcome.Written)
        {
            return outcome;  // changed since read: decide again on the new version
        }
        Log(decision);
        if (write.Entry is not null)
        {
            // A failure here fails the message: its redelivery finds the tick recorded and finishes the entry.
            await finisher.FinishAsync(write.Entry, cancellationToken);
            await pending.ClearAsync(new StoredAlarm(write.Updated, version!, write.Mark), cancellationToken);
        }
        return outcome;
    }

    private void Log(Decision decision) =>
        logger.LogInformation("Alarm {AlarmId}: {Kind} {State} for tick {Tick}", decision.Address.Id, decision.Result.Kind, decision.Result.State,
            decision.Write.Mark.LastTick);

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}
