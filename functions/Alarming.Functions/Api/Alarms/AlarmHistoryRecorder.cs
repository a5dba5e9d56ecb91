using Alarming.Core.Access;
using Alarming.Core.Alarms;
using Alarming.Core.History;
using Alarming.Storage.History;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Api.Alarms;

/// <summary>Writes the history entries of API changes (api.md §8), unless <c>History:Record</c> is off.</summary>
public sealed class AlarmHistoryRecorder(IHistoryStore history, IOptions<HistoryOptions> options, TimeProvider time)
{
    public Task CreationAsync(Alarm alarm, Caller caller, bool evaluateTimestampGiven, CancellationToken cancellationToken) =>
        RecordAsync(alarm, AlarmChangeTypes.Creation, AlarmChangeDetail.Creation(alarm, evaluateTimestampGiven), caller,
            onBehalfOf: caller.ProjectId, alarm.Severity, cancellationToken);

    public Task RuleChangeAsync(Alarm alarm, string detail, bool severityChanged, Caller caller, CancellationToken cancellationToken) =>
        RecordAsync(alarm, AlarmChangeTypes.RuleChange, detail, caller, alarm.ProjectId, severityChanged ? alarm.Severity : null, cancellationToken);

    public Task StateSetAsync(Alarm alarm, Caller caller, CancellationToken cancellationToken) =>
        RecordAsync(alarm, AlarmChangeTypes.StateTransition, AlarmChangeDetail.StateSet(alarm.State), caller, alarm.ProjectId, null, cancellationToken);

    private async Task RecordAsync(Alarm alarm, string type, string detail, Caller caller, string? onBehalfOf, string? severity,
        CancellationToken cancellationToken)
    {
        if (!options.Value.Record)
        {
            return;
        }
        var change = new AlarmChange(Guid.NewGuid().ToString(), alarm.AlarmId, type, detail, caller.ProjectId, caller.UserId,
            onBehalfOf, Core.Python.PythonTimestamp.Truncate(time.GetUtcNow()), severity);
        await history.AddAsync(change, cancellationToken);
    }
}
