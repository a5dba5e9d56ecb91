using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.History;
using Alarming.Core.Python;
using Alarming.Core.Usage;
using Alarming.Functions.Changes;
using Alarming.Functions.Notification;
using Alarming.Storage;
using Alarming.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The outbox entry of one evaluator decision: a transition's <c>state transition</c> history
/// entry and its change event (Aodh's evaluator sends the detail as a JSON string), the notification
/// when the new state has actions, and the usage move. Every id derives from (alarm, tick), so
/// redoing the entry writes the same history row and sends the same notification id.</summary>
public sealed class TransitionEntries(IOptions<HistoryOptions> historyOptions, IOptions<ChangeOptions> changeOptions,
    IOptions<EvaluationOptions> evaluationOptions)
{
    /// <param name="occasion">What the ids derive from instead of the tick: an event alarm's are fired by an
    /// event, so its entry is the same for every delivery of that event.</param>
    /// <returns>Null when the decision owes nothing beyond the alarm row.</returns>
    public OutboxEntry? For(Alarm before, Alarm after, EvaluationResult result, DateTimeOffset tick, string? occasion = null)
    {
        string Id(string kind) => occasion is null ? EffectIds.For(before.AlarmId, tick, kind) : EffectIds.For(before.AlarmId, occasion, kind);
        var history = History(before, result, tick, Id("history"));
        List<string> events = changeOptions.Value.Enabled && history is not null
            ? [ChangeEvents.ForChange(Id("event"), ChangeEvents.EvaluatorPublisher, history, detailAsText: true)]
            : [];
        var entry = new OutboxEntry(Id("change"), before.AlarmId, before.ProjectId, before.Name, PythonTimestamp.Truncate(tick),
            AlarmCounts.Of(before, after, before.ProjectId), history, events, Notification(before, after, result, tick, Id("notify")));
        return entry.IsEmpty ? null : entry;
    }

    private AlarmChange? History(Alarm before, EvaluationResult result, DateTimeOffset tick, string id)
    {
        if (result.Kind != EvaluationKind.Transition || !historyOptions.Value.Record)
        {
            return null;
        }
        var detail = PythonJson.Dumps(new JsonObject { ["state"] = result.State, ["transition_reason"] = result.Reason });
        var identity = evaluationOptions.Value;
        return new AlarmChange(id, before.AlarmId, AlarmChangeTypes.StateTransition, detail,
            identity.ServiceProjectId, identity.ServiceUserId, before.ProjectId, PythonTimestamp.Truncate(tick), before.Severity);
    }

    private static string? Notification(Alarm before, Alarm after, EvaluationResult result, DateTimeOffset tick, string id)
    {
        var actions = before.ActionsFor(result.State);
        // An acknowledged alarm sends no repeats of its state; a transition (which clears it) still notifies.
        if (actions.Count == 0 || (before.Acknowledgement is not null && after.State == before.State))
        {
            return null;
        }
        var message = new NotifyAlarmMessage(id, before.AlarmId, before.Name, before.Severity,
            before.ProjectId, before.UserId, before.State, after.State == before.State ? result.State : after.State, result.Reason,
            result.ReasonData, actions, tick, Type: before.Type, Enabled: before.Enabled, RepeatActions: before.RepeatActions);
        return JsonSerializer.Serialize(message, StorageJson.Options);
    }
}
