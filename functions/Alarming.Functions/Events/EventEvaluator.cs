using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.Events;
using Alarming.Core.Python;
using Alarming.Functions.Evaluation;
using Alarming.Storage.Alarms;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Events;

/// <summary>Evaluates one event against the enabled event alarms of its project and fires those it
/// matches: state <c>alarm</c>, history entry, change event, usage and notification, through the
/// alarm's outbox entry like every other transition.</summary>
/// <remarks>
/// The candidates come from the project's index of event alarms, which holds their rules, so only a
/// matching alarm is read. An alarm fires at most once per event <c>message_id</c>: the id is recorded
/// on the alarm row in the same conditional write as the state, and the entry's ids derive from the
/// pair, so a second delivery (a queue retry, Event Grid resending, Ceilometer posting a list twice)
/// changes nothing. The event evaluator never moves an alarm back to <c>ok</c> or <c>insufficient data</c>.
/// </remarks>
public sealed class EventEvaluator(IAlarmStore alarms, TransitionEntries entries, Outbox.OutboxFinisher finisher, PendingEntries pending,
    TimeProvider time, ILogger<EventEvaluator> logger)
{
    /// <summary>How long a fired event is remembered, and how many per alarm at most (about 60 bytes each on the alarm row).</summary>
    private static readonly TimeSpan FiredMemory = TimeSpan.FromHours(24);
    private const int MaxFired = 400;
    private const int MaxAttempts = 16;

    /// <returns>How many alarms the event fired.</returns>
    public async Task<int> EvaluateAsync(AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        var fired = 0;
        var rules = await alarms.ListEventAlarmsAsync(alarmEvent.Project, cancellationToken);
        await Parallel.ForEachAsync(rules.Where(r => Matches(r.AlarmId, r.Rule, alarmEvent)),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (rule, ct) =>
            {
                if (await FireAsync(rule, alarmEvent, ct))
                {
                    Interlocked.Increment(ref fired);
                }
            });
        return fired;
    }

    private bool Matches(string alarmId, JsonObject rule, AlarmEvent alarmEvent)
    {
        try
        {
            return EventRuleMatch.Matches(rule, alarmEvent);
        }
        catch (Exception e) when (e is IncomparableValuesException or ArgumentException)
        {
            // Python's TypeError between kinds, or a pattern no regex can be built from: Aodh logs it and goes on.
            logger.LogWarning("Alarm {AlarmId} not evaluated for event {MessageId}: {Reason}", alarmId, alarmEvent.MessageId, e.Message);
            return false;
        }
    }

    private async Task<bool> FireAsync(EventAlarmRule rule, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        var key = FiredEvent.Key(alarmEvent.MessageId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await alarms.FindAsync(rule.AlarmId, rule.ProjectId, cancellationToken) is not { } stored)
            {
                return false;
            }
            if (stored.Mark.Fired?.Any(f => f.Event == key) == true)
            {
                // Fired by this event already: at most finish what a crash left of it.
                await pending.FinishAsync(stored, cancellationToken);
                return false;
            }
            if (stored.Mark.Pending is not null)
            {
                await pending.FinishAsync(stored, cancellationToken);
                continue;
            }
            var alarm = stored.Alarm;
            if (!alarm.IsEnabled || alarm.Type != AlarmTypes.Event || (alarm.RepeatActions != true && alarm.State == AlarmStates.Alarm) ||
                !Matches(alarm.AlarmId, alarm.Rule, alarmEvent))
            {
                return false;
            }
            switch (await RecordAsync(stored, alarmEvent, cancellationToken))
            {
                case WriteOutcome.Written:
                    return true;
                case WriteOutcome.Conflict:
                    continue;  // changed since read: decide again on the new version
                default:
                    return false;
            }
        }
        throw new InvalidOperationException($"Alarm {rule.AlarmId} kept changing while event {alarmEvent.MessageId} fired it; the event will be retried");
    }

    private async Task<WriteOutcome> RecordAsync(StoredAlarm stored, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        var alarm = stored.Alarm;
        var now = PythonTimestamp.Truncate(time.GetUtcNow());
        var reason = EventRuleMatch.Reason(alarm.Rule, alarmEvent);
        var result = EvaluationResult.Transition(AlarmStates.Alarm, reason,
            new JsonObject { ["type"] = "event", ["event"] = alarmEvent.Json.DeepClone() });
        // A repeat (alarm to alarm) records and notifies, but the alarm has been in its state since before.
        var repeat = alarm.State == AlarmStates.Alarm;
        var updated = alarm with
        {
            State = AlarmStates.Alarm, StateReason = reason, StateTimestamp = repeat ? alarm.StateTimestamp : now,
            Acknowledgement = repeat ? alarm.Acknowledgement : null,
        };
        var entry = entries.For(alarm, updated, result, now, occasion: "event:" + alarmEvent.MessageId);
        var mark = stored.Mark with { Pending = entry?.Id, Fired = Remember(stored.Mark.Fired, alarmEvent.MessageId, now) };
        var (outcome, version) = await alarms.RecordEvaluationAsync(stored, updated, mark, entry, cancellationToken);
        if (outcome != WriteOutcome.Written)
        {
            return outcome;
        }
        logger.LogInformation("Alarm {AlarmId}: event {MessageId} ({EventType}) fired it", alarm.AlarmId, alarmEvent.MessageId, alarmEvent.EventType);
        if (entry is not null)
        {
            // A failure here fails the event: its redelivery finds the event fired and finishes the entry.
            await finisher.FinishAsync(entry, cancellationToken);
            await pending.ClearAsync(new StoredAlarm(updated, version!, mark), cancellationToken);
        }
        return outcome;
    }

    private static List<FiredEvent> Remember(IReadOnlyList<FiredEvent>? fired, string messageId, DateTimeOffset now) =>
        [.. (fired ?? []).Where(f => f.At > now - FiredMemory).TakeLast(MaxFired - 1), new FiredEvent(FiredEvent.Key(messageId), now)];
}
