using Alarming.Storage.Changes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Changes;

/// <summary>Every minute, finishes the pending changes a crash or a storage error left behind
/// (those older than <see cref="ChangeOptions.SweepAfterSeconds"/>, so a writer still at work is not raced).</summary>
public sealed class FinishPendingChangesFunction(IChangeStore changes, PendingChangeFinisher finisher, IOptions<ChangeOptions> options,
    TimeProvider time, ILogger<FinishPendingChangesFunction> logger)
{
    public const string Name = "FinishPendingChanges";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("40 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var pending = await changes.ListPendingAsync(time.GetUtcNow().AddSeconds(-options.Value.SweepAfterSeconds), cancellationToken);
        foreach (var change in pending)
        {
            await finisher.FinishAsync(change, cancellationToken);
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Finished {ChangeCount} pending alarm changes", pending.Count);
        }
    }
}
