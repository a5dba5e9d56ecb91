using System.Diagnostics;

namespace Alarming.Benchmarks;

/// <summary>Runs <c>count</c> operations on <c>concurrency</c> workers and returns operations per second.</summary>
internal static class Measure
{
    public static async Task<double> RunAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }
}
