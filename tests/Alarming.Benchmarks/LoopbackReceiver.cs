using System.Collections.Concurrent;
using System.Diagnostics;
using Alarming.Functions.Host.DevelopmentStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alarming.Benchmarks;

/// <summary>A webhook receiver on loopback (Kestrel, free port) that answers 200 and notes when each call arrived.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(long Arrived, string Body)> calls = new();

    private LoopbackReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public int Count => calls.Count;

    /// <summary>Each call's body with its arrival as a <see cref="Stopwatch"/> timestamp.</summary>
    public IReadOnlyList<(long Arrived, string Body)> Calls => calls.ToArray();

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var port = AzuriteProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, $"http://127.0.0.1:{port}/hook");
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            receiver.calls.Enqueue((Stopwatch.GetTimestamp(), body));
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Count < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"the receiver got {Count} of {count} calls in {timeout}");
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
