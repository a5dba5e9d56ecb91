using System.Text;
using Alarming.Functions.Changes;
using Alarming.Storage.History;
using Alarming.Storage.Outbox;
using Alarming.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Outbox;

/// <summary>Does what an <see cref="OutboxEntry"/> owes, the one way every writer's entries are
/// finished: its history entry (an upsert by id), its change events and notification (fixed ids, so
/// a repeat is recognisable), then its usage fold, which also deletes it.</summary>
/// <remarks>Run right after the write, by a redelivered evaluation of the same tick, before the
/// evaluator records the alarm's next transition, and by <see cref="FinishOutboxFunction"/>: doing
/// an entry twice changes nothing.</remarks>
public sealed class OutboxFinisher(IHistoryStore history, ITextQueueSender queues, IOutboxStore outbox,
    IOptions<ChangeOptions> changeOptions, ILogger<OutboxFinisher> logger)
{
    /// <summary>A queue message holds 64 KiB, base64 (as queue triggers read it) 48 KiB of text.</summary>
    private const int MaxMessageBytes = 48 * 1024;

    public async Task FinishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        await SendEffectsAsync(entry, cancellationToken);
        await outbox.CompleteAsync(entry, cancellationToken);
    }

    /// <summary><see cref="FinishAsync"/> for many entries: different alarms' effects at once, one
    /// alarm's in the order given; the usage folds and deletions of one project's entries share transactions.</summary>
    public async Task FinishManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await Parallel.ForEachAsync(entries.GroupBy(e => e.AlarmId), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (alarm, ct) =>
            {
                foreach (var entry in alarm)
                {
                    await SendEffectsAsync(entry, ct);
                }
            });
        await outbox.CompleteManyAsync(entries, cancellationToken);
    }

    private async Task SendEffectsAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.History is { } change)
        {
            await history.AddAsync(change, cancellationToken);
        }
        if (changeOptions.Value.Enabled)
        {
            foreach (var message in entry.Events)
            {
                await SendAsync(changeOptions.Value.Queue, message, entry, cancellationToken);
            }
        }
        if (entry.Notification is { } notification)
        {
            await SendAsync(QueueNames.Notify, notification, entry, cancellationToken);
        }
    }

    /// <summary>Finishes the entry if it is still pending (a crash interrupted its writer).</summary>
    public async Task FinishIfPendingAsync(Core.Alarms.Alarm alarm, string entryId, CancellationToken cancellationToken)
    {
        if (await outbox.FindAsync(alarm, entryId, cancellationToken) is { } entry)
        {
            await FinishAsync(entry, cancellationToken);
        }
    }

    /// <summary>After the writer's own transaction: a failure here must not fail or undo the write,
    /// which is already durable; the sweep finishes the entry later.</summary>
    public async Task TryFinishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await FinishAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Outbox entry {EntryId} of alarm {AlarmId} stays pending for the sweep", entry.Id, entry.AlarmId);
        }
    }

    private async Task SendAsync(string queue, string message, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetByteCount(message);
        if (bytes > MaxMessageBytes)
        {
            // Retrying cannot make it fit; dropping it keeps the entry's other effects and later entries going.
            logger.LogError("A message for {Queue} of alarm {AlarmId} ({Bytes} bytes) is too large for a queue message; dropped",
                queue, entry.AlarmId, bytes);
            return;
        }
        await queues.SendAsync(queue, message, cancellationToken);
    }
}
