using Alarming.Storage.Alarms;
using Alarming.Storage.Outbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Outbox;

/// <summary>Every minute, finishes the outbox entries a crash or a storage error left behind (those
/// older than <see cref="OutboxOptions.SweepAfterSeconds"/>, so a writer still at work is not raced).</summary>
/// <remarks>An entry whose alarm was deleted meanwhile writes no history: the deletion removed the
/// alarm's history. Its notification is still sent: the transition happened.</remarks>
public sealed class FinishOutboxFunction(IOutboxStore outbox, IAlarmStore alarms, OutboxFinisher finisher,
    IOptions<OutboxOptions> options, TimeProvider time, ILogger<FinishOutboxFunction> logger)
{
    public const string Name = "FinishOutbox";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("40 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var pending = await outbox.ListPendingAsync(time.GetUtcNow().AddSeconds(-options.Value.SweepAfterSeconds), cancellationToken);
        foreach (var entry in pending)
        {
            var gone = entry.History is not null && await alarms.FindAsync(entry.AlarmId, entry.ProjectId, cancellationToken) is null;
            // One entry that keeps failing must not hold up the others.
            await finisher.TryFinishAsync(gone ? entry with { History = null } : entry, cancellationToken);
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Finished {EntryCount} outbox entries", pending.Count);
        }
    }
}
