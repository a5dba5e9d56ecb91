using Alarming.Storage.Changes;
using Alarming.Storage.History;
using Alarming.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Changes;

/// <summary>Does what a <see cref="PendingChange"/> owes: its history entry (an upsert by id), its
/// events (fixed message ids, so a repeat is recognisable) and its usage fold, which also deletes it.</summary>
public sealed class PendingChangeFinisher(IHistoryStore history, IRawQueueSender queues, IChangeStore changes,
    IOptions<ChangeOptions> options, ILogger<PendingChangeFinisher> logger)
{
    /// <summary>A queue message holds 64 KiB, base64 (as queue triggers read it) 48 KiB of text.</summary>
    private const int MaxEventBytes = 48 * 1024;

    public async Task FinishAsync(PendingChange change, CancellationToken cancellationToken)
    {
        if (change.History is { } entry)
        {
            await history.AddAsync(entry, cancellationToken);
        }
        if (options.Value.Enabled)
        {
            foreach (var message in change.Events)
            {
                var bytes = System.Text.Encoding.UTF8.GetByteCount(message);
                if (bytes > MaxEventBytes)
                {
                    // Retrying cannot make it fit; dropping it keeps the change's other effects and later changes going.
                    logger.LogError("A change event of alarm {AlarmId} ({Bytes} bytes) is too large for a queue message; dropped",
                        change.AlarmId, bytes);
                    continue;
                }
                await queues.SendAsync(options.Value.Queue, message, cancellationToken);
            }
        }
        await changes.FinishAsync(change, cancellationToken);
    }

    /// <summary>After the writer's own transaction: a failure here must not fail or undo the write,
    /// which is already durable; the sweep finishes the change later.</summary>
    public async Task TryFinishAsync(PendingChange change, CancellationToken cancellationToken)
    {
        try
        {
            await FinishAsync(change, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Change {ChangeId} of alarm {AlarmId} stays pending for the sweep", change.Id, change.AlarmId);
        }
    }
}
