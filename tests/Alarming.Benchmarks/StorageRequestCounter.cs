using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace Alarming.Benchmarks;

/// <summary>Counts the HTTP requests every Azure SDK client of this process sends (the Azure.Core
/// <c>Request</c> event), so a benchmark can report storage operations per unit of work.</summary>
internal sealed class StorageRequestCounter : IDisposable
{
    private readonly AzureEventSourceListener listener;
    private long requests;

    public StorageRequestCounter()
    {
        listener = new AzureEventSourceListener((e, _) =>
        {
            if (e.EventName == "Request")
            {
                Interlocked.Increment(ref requests);
            }
        }, EventLevel.Informational);
    }

    public long Requests => Interlocked.Read(ref requests);

    public void Dispose() => listener.Dispose();
}
