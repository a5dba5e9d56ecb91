using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Storage.Queues;

namespace Alarming.Benchmarks;

/// <summary>Asks Azurite for a queue's properties every <see cref="Every"/> and notes each answer that took longer
/// than <see cref="Stall"/>: Azurite's queue garbage collection (a mark and sweep of every message body, about once a
/// minute) blocks its one Node thread for seconds once thousands of messages have come and gone, which no real storage
/// account does, and a block of deliveries that meets it would measure Azurite rather than the code.</summary>
internal sealed class AzuriteStallProbe : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<(long From, long To)> stalls = new();
    private readonly QueueClient queue;
    private readonly Task loop;

    /// <param name="queue">An existing queue of the Azurite to watch.</param>
    public AzuriteStallProbe(QueueClient queue)
    {
        this.queue = queue;
        loop = RunAsync();
    }

    /// <summary>Whether Azurite stalled at some moment between the two <see cref="Stopwatch"/> timestamps.</summary>
    public bool StalledBetween(long from, long to) => stalls.Any(s => s.From < to && s.To > from);

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            await queue.GetPropertiesAsync(CancellationToken.None);
            var ended = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(started, ended) > Stall)
            {
                stalls.Enqueue((started, ended));
            }
            try
            {
                await Task.Delay(Every, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
