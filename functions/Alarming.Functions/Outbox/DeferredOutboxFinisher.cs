using System.Threading.Channels;
using Alarming.Storage.History;
using Alarming.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Outbox;

/// <summary>Finishes the outbox entries of API writes: the history entry before the answer, as Aodh's
/// clients read an alarm's history right after writing it; the change events and the usage fold
/// after it, in the background, many entries to a transaction.</summary>
/// <remarks>Nothing waits on this for correctness: usage reads add the pending entries to the
/// counters, and an entry this process never finishes (a crash, a scale-in) is finished by
/// <see cref="FinishOutboxFunction"/>. One loop keeps entries, and so their events, in write order.</remarks>
public sealed class DeferredOutboxFinisher(OutboxFinisher finisher, IHistoryStore history, ILogger<DeferredOutboxFinisher> logger)
    : BackgroundService
{
    private const int MaxBatch = 200;

    private readonly Channel<OutboxEntry> deferred = Channel.CreateUnbounded<OutboxEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>After the writer's own transaction: a failure here must not fail or undo the write,
    /// which is already durable; the sweep finishes the entry later.</summary>
    public async Task FinishAfterWriteAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            if (entry.History is { } change)
            {
                await history.AddAsync(change, cancellationToken);
            }
            deferred.Writer.TryWrite(entry with { History = null });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Outbox entry {EntryId} of alarm {AlarmId} stays pending for the sweep", entry.Id, entry.AlarmId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await deferred.Reader.WaitToReadAsync(stoppingToken))
            {
                await FinishBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is left to the sweep.
        }
    }

    private async Task FinishBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<OutboxEntry>();
        while (batch.Count < MaxBatch && deferred.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
        try
        {
            await finisher.FinishManyAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{EntryCount} outbox entries stay pending for the sweep", batch.Count);
        }
    }
}
