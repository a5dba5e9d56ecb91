using System.Text.Json;
using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.History;
using Alarming.Core.Python;
using Alarming.Core.TimeConstraints;
using Alarming.Core.Usage;
using Alarming.Functions.Api;
using Alarming.Functions.Changes;
using Alarming.Storage.Alarms;
using Alarming.Storage.Changes;
using Alarming.Storage.History;
using Alarming.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>Evaluates one alarm as of a tick and applies the decision: the state fields, a
/// <c>state transition</c> history entry, an <c>alarm-notify</c> message, and a transition's
/// pending change (its change event and usage counters).</summary>
/// <remarks>
/// Idempotent per (alarm, tick): the decision and its pending effects are written in one
/// conditional update of the alarm row together with the tick; the effects are then done with
/// ids derived from (alarm, tick) and the pending mark cleared. A redelivered message finds the
/// tick already recorded and only finishes effects a crash left pending. A lost race (an API
/// update, another evaluator) re-reads and decides again. Only state fields are written: an
/// API change to the definition is never reverted (evaluation.md §1.3).
/// </remarks>
public sealed class AlarmEvaluator(
    IAlarmStore alarms,
    IHistoryStore history,
    IMessageQueue queue,
    IEnumerable<IAlarmRuleEvaluator> evaluators,
    PendingChangeFinisher changes,
    IOptions<HistoryOptions> historyOptions,
    IOptions<ChangeOptions> changeOptions,
    ILogger<AlarmEvaluator> logger)
{
    private const int MaxAttempts = 16;

    private readonly Dictionary<string, IAlarmRuleEvaluator> byType =
        evaluators.SelectMany(e => e.Types.Select(t => (t, e))).ToDictionary(p => p.t, p => p.e);

    /// <param name="read">The alarm as read with the rest of its message's alarms, or null when it is gone;
    /// conflicts read it again.</param>
    public async Task EvaluateAsync(AlarmAddress address, StoredAlarm? read, DateTimeOffset tick, IMetricSource metrics,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = attempt == 0 ? read : await alarms.FindAsync(address.Id, address.P, cancellationToken);
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
                // An earlier tick's effects were interrupted (a crash): finish them before deciding anew.
                await FinishPendingAsync(stored, cancellationToken);
                continue;
            }
            var alarm = stored.Alarm;
            if (!alarm.IsEnabled || !byType.TryGetValue(alarm.Type, out var evaluator) || !TimeConstraintWindow.IsInside(alarm.TimeConstraints, tick))
            {
                return;
            }
            var result = await evaluator.EvaluateAsync(alarm, tick, metrics, cancellationToken);
            if (result.Kind == EvaluationKind.None)
            {
                return;
            }
            var updated = result.Kind == EvaluationKind.Transition
                ? alarm with { State = result.State, StateReason = result.Reason, StateTimestamp = PythonTimestamp.Truncate(tick) }
                : alarm;
            var effects = Effects(alarm, updated, result, tick);
            var pending = JsonSerializer.Serialize(effects, EvaluationJson.Options);
            var change = result.Kind == EvaluationKind.Transition ? Change(alarm, updated, effects, tick) : null;
            var (outcome, version) = await alarms.RecordEvaluationAsync(stored, updated, new EvaluationMark(tick, pending), change,
                cancellationToken);
            if (outcome != WriteOutcome.Written)
            {
                continue;  // changed since read: decide again on the new version
            }
            logger.LogInformation("Alarm {AlarmId}: {Kind} {State} for tick {Tick}", alarm.AlarmId, result.Kind, result.State, tick);
            await FinishPendingAsync(new StoredAlarm(updated, version!, new EvaluationMark(tick, pending)), cancellationToken);
            if (change is not null)
            {
                await changes.TryFinishAsync(change, cancellationToken);
            }
            return;
        }
        throw new InvalidOperationException($"Alarm {address.Id} kept changing during evaluation; the message will be retried");
    }

    private PendingEffects Effects(Alarm before, Alarm after, EvaluationResult result, DateTimeOffset tick)
    {
        AlarmChange? change = null;
        if (result.Kind == EvaluationKind.Transition && historyOptions.Value.Record)
        {
            var detail = PythonJson.Dumps(new System.Text.Json.Nodes.JsonObject { ["state"] = result.State, ["transition_reason"] = result.Reason });
            change = new AlarmChange(EffectIds.For(before.AlarmId, tick, "history"), before.AlarmId, AlarmChangeTypes.StateTransition, detail,
                historyOptions.Value.ServiceProjectId, historyOptions.Value.ServiceUserId, before.ProjectId, PythonTimestamp.Truncate(tick), before.Severity);
        }
        var actions = result.State switch
        {
            AlarmStates.Ok => before.OkActions,
            AlarmStates.Alarm => before.AlarmActions,
            _ => before.InsufficientDataActions,
        } ?? [];
        var notification = actions.Count == 0
            ? null
            : new NotifyAlarmMessage(EffectIds.For(before.AlarmId, tick, "notify"), before.AlarmId, before.Name, before.Severity,
                before.ProjectId, before.UserId, before.State, after.State == before.State ? result.State : after.State, result.Reason,
                result.ReasonData, actions, tick);
        return new PendingEffects(change, notification);
    }

    /// <summary>A transition's change event (Aodh's evaluator sends the detail as a JSON string) and
    /// usage move; its history entry is one of the <see cref="PendingEffects"/>.</summary>
    private PendingChange Change(Alarm before, Alarm after, PendingEffects effects, DateTimeOffset tick)
    {
        List<string> events = changeOptions.Value.Enabled && effects.History is { } entry
            ? [ChangeEvents.ForChange(EffectIds.For(before.AlarmId, tick, "event"), ChangeEvents.EvaluatorPublisher, entry, detailAsText: true)]
            : [];
        return new PendingChange(EffectIds.For(before.AlarmId, tick, "change"), before.AlarmId, before.ProjectId, PythonTimestamp.Truncate(tick),
            AlarmCounts.Of(before, after, before.ProjectId), null, events);
    }

    /// <summary>Does the pending effects of the recorded tick (again, if a crash interrupted them) and clears them.</summary>
    private async Task FinishPendingAsync(StoredAlarm stored, CancellationToken cancellationToken)
    {
        if (stored.Mark.Pending is null)
        {
            return;
        }
        var effects = JsonSerializer.Deserialize<PendingEffects>(stored.Mark.Pending, EvaluationJson.Options)!;
        if (effects.History is { } change)
        {
            await history.AddAsync(change, cancellationToken);
        }
        if (effects.Notification is { } notification)
        {
            await queue.SendAsync(QueueNames.Notify, notification, cancellationToken);
        }
        // If the alarm changed meanwhile, the next writer keeps the mark; the effects are done either way.
        await alarms.RecordEvaluationAsync(stored, stored.Alarm, stored.Mark with { Pending = null }, null, cancellationToken);
    }
}
