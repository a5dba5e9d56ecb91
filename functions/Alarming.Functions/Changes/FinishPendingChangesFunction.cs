using Alarming.Storage.Alarms;
using Alarming.Storage.Changes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Changes;

/// <summary>Every minute, finishes the pending changes a crash or a storage error left behind
/// (those older than <see cref="ChangeOptions.SweepAfterSeconds"/>, so a writer still at work is not raced).</summary>
/// <remarks>A change whose alarm was deleted meanwhile writes no history: the deletion removed the alarm's history.</remarks>
public sealed class FinishPendingChangesFunction(IChangeStore changes, IAlarmStore alarms, PendingChangeFinisher finisher,
    IOptions<ChangeOptions> options, TimeProvider time, ILogger<FinishPendingChangesFunction> logger)
{
    public const string Name = "FinishPendingChanges";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("40 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var pending = await changes.ListPendingAsync(time.GetUtcNow().AddSeconds(-options.Value.SweepAfterSeconds), cancellationToken);
        foreach (var change in pending)
        {
            var gone = change.History is not null && await alarms.FindAsync(change.AlarmId, change.ProjectId, cancellationToken) is null;
            // One change that keeps failing must not hold up the others.
            await finisher.TryFinishAsync(gone ? change with { History = null } : change, cancellationToken);
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Finished {ChangeCount} pending alarm changes", pending.Count);
        }
    }
}
