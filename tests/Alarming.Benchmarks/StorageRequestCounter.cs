using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace Alarming.Benchmarks;

/// <summary>Counts the HTTP requests every Azure SDK client of this process sends (the Azure.Core
/// <c>Request</c> event), in all and per table or queue, and the seconds they took (its
/// <c>Response</c> event), so a benchmark can show where a unit of work spends its storage time.</summary>
internal sealed class StorageRequestCounter : IDisposable
{
    private readonly AzureEventSourceListener listener;
    private readonly ConcurrentDictionary<string, string> targets = new();
    private readonly ConcurrentDictionary<string, Tally> tallies = new();
    private long requests;

    public StorageRequestCounter()
    {
        listener = new AzureEventSourceListener((e, _) =>
        {
            if (e.EventName == "Request" && e.Payload is [string id, _, string uri, ..])
            {
                Interlocked.Increment(ref requests);
                var target = Target(uri);
                targets[id] = target;
                tallies.GetOrAdd(target, _ => new Tally()).Count();
            }
            else if (e.EventName is "Response" or "ErrorResponse" && e.Payload is [string done, ..] &&
                     targets.TryRemove(done, out var target) && e.Payload[^1] is double seconds)
            {
                tallies[target].Add(seconds);
            }
        }, EventLevel.Informational);
    }

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Requests and seconds per target since the last call, busiest first.</summary>
    public string TakeBreakdown(int per)
    {
        var parts = tallies.OrderByDescending(t => t.Value.Requests)
            .Select(t => t.Value.Take() is var (n, s) && n > 0 ? $"{t.Key} {n / (double)per:F2} ({s / n * 1000:F1} ms)" : null)
            .Where(p => p is not null);
        return string.Join(", ", parts);
    }

    /// <summary>The table or queue a storage URI names: <c>/account/alarms(PartitionKey=…)</c> → alarms,
    /// <c>/account/$batch</c> → $batch (a transaction), <c>/account/alarm-evaluate/messages</c> → alarm-evaluate.</summary>
    private static string Target(string uri)
    {
        var path = new Uri(uri).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = path.Length > 1 ? path[1] : "(account)";
        var paren = name.IndexOf('(');
        return paren > 0 ? name[..paren] : name;
    }

    public void Dispose() => listener.Dispose();

    private sealed class Tally
    {
        private long requests;
        private long microseconds;

        public long Requests => Interlocked.Read(ref requests);

        public void Count() => Interlocked.Increment(ref requests);

        public void Add(double seconds) => Interlocked.Add(ref microseconds, (long)(seconds * 1_000_000));

        public (long Requests, double Seconds) Take() =>
            (Interlocked.Exchange(ref requests, 0), Interlocked.Exchange(ref microseconds, 0) / 1_000_000.0);
    }
}
