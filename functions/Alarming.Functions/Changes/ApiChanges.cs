using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Alarms;
using Alarming.Core.History;
using Alarming.Core.Python;
using Alarming.Core.Usage;
using Alarming.Functions.AlarmApi.Alarms;
using Alarming.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Changes;

/// <summary>The outbox entry of each API write: the
/// history entry unless <c>History:Record</c> is off, Aodh's change event and the proposal's
/// <c>alarm.*.end</c> event when the change queue is on, and the move of the usage counters.</summary>
public sealed class ApiChanges(IOptions<HistoryOptions> historyOptions, IOptions<ChangeOptions> changeOptions, TimeProvider time)
{
    public OutboxEntry Creation(Alarm alarm, Caller caller, bool evaluateTimestampGiven) =>
        Build(null, alarm, Entry(alarm, AlarmChangeTypes.Creation, AlarmChangeDetail.Creation(alarm, evaluateTimestampGiven), caller,
            onBehalfOf: caller.ProjectId, alarm.Severity), ChangeEvents.CreateEnd);

    /// <summary>Null when the PUT changed nothing: Aodh records no history then.</summary>
    public OutboxEntry? Update(Alarm before, Alarm after, Caller caller, bool evaluateTimestampGiven) =>
        AlarmChangeDetail.RuleChange(before, after, evaluateTimestampGiven) is { } detail
            ? Build(before, after, Entry(after, AlarmChangeTypes.RuleChange, detail, caller, after.ProjectId,
                before.Severity != after.Severity ? after.Severity : null), ChangeEvents.UpdateEnd)
            : null;

    public OutboxEntry StateSet(Alarm before, Alarm after, Caller caller) =>
        Build(before, after, Entry(after, AlarmChangeTypes.StateTransition, AlarmChangeDetail.StateSet(after.State), caller,
            after.ProjectId, null), ChangeEvents.UpdateEnd);

    /// <summary>Ours: an acknowledgement given (its comment in the detail) or withdrawn.</summary>
    public OutboxEntry Acknowledgement(Alarm before, Alarm after, Caller caller) =>
        Build(before, after, Entry(after, AlarmChangeTypes.Acknowledgement, PythonJson.Dumps(new JsonObject
        {
            ["acknowledged"] = after.Acknowledgement is not null,
            ["comment"] = (after.Acknowledgement ?? before.Acknowledgement)?.Comment,
        }), caller, after.ProjectId, null), ChangeEvents.UpdateEnd);

    public OutboxEntry Deletion(Alarm alarm, Caller caller) =>
        Build(alarm, null, Entry(alarm, AlarmChangeTypes.Deletion, PythonJson.Dumps(new JsonObject { ["state"] = alarm.State }), caller,
            alarm.ProjectId, alarm.Severity), ChangeEvents.DeleteEnd);

    private AlarmChange Entry(Alarm alarm, string type, string detail, Caller caller, string? onBehalfOf, string? severity) =>
        new(Guid.NewGuid().ToString(), alarm.AlarmId, type, detail, caller.ProjectId, caller.UserId, onBehalfOf,
            PythonTimestamp.Truncate(time.GetUtcNow()), severity);

    private OutboxEntry Build(Alarm? before, Alarm? after, AlarmChange entry, string endEvent)
    {
        var alarm = after ?? before!;
        var record = historyOptions.Value.Record;
        // Deletion writes no history row, and its event ignores record_history, as in Aodh.
        var isDeletion = entry.Type == AlarmChangeTypes.Deletion;
        var events = new List<string>();
        if (changeOptions.Value.Enabled)
        {
            if (record || isDeletion)
            {
                events.Add(ChangeEvents.ForChange(Guid.NewGuid().ToString(), ChangeEvents.ApiPublisher, entry, detailAsText: false));
            }
            events.Add(ChangeEvents.ForAlarm(Guid.NewGuid().ToString(), endEvent, AlarmBody.From(alarm), entry.Timestamp));
        }
        return new OutboxEntry(Guid.NewGuid().ToString(), alarm.AlarmId, alarm.ProjectId, alarm.Name, entry.Timestamp,
            AlarmCounts.Of(before, after, alarm.ProjectId), record && !isDeletion ? entry : null, events);
    }
}
