using System.Collections.Concurrent;
using Alarming.Functions.Host.DevelopmentStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan AnsweredAfter);

/// <summary>A real HTTP receiver on loopback (Kestrel, free port) that records every request.
/// Paths choose the answer: <c>/status/{code}</c>, <c>/fail-first/{n}</c> (500 n times, then
/// 200), <c>/slow/{ms}</c> (200 after a delay), <c>/silent</c> (never answers), <c>/redirect/{code}?to=URL</c>; anything else is 200.
/// More segments may follow, to give each test its own path (calls are counted per path).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly ConcurrentDictionary<string, int> calls = new();

    private WebhookReceiver(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public IReadOnlyList<ReceivedRequest> Requests => requests.ToArray();

    public IReadOnlyList<ReceivedRequest> To(string path) => requests.Where(r => r.Path == path).ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = AzuriteProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = DateTime.UtcNow;
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        var call = calls.AddOrUpdate(path, 1, (_, n) => n + 1);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var status = 200;
        if (segments is ["status", var code, ..])
        {
            status = int.Parse(code);
        }
        else if (segments is ["fail-first", var times, ..])
        {
            status = call <= int.Parse(times) ? 500 : 200;
        }
        else if (segments is ["redirect", var redirect, ..])
        {
            status = int.Parse(redirect);
            context.Response.Headers.Location = context.Request.Query["to"].ToString();
        }
        else if (segments is ["slow", var milliseconds, ..])
        {
            await Task.Delay(int.Parse(milliseconds));
        }
        else if (segments is ["silent", ..])
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }
        requests.Enqueue(new ReceivedRequest(context.Request.Method, path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, DateTime.UtcNow - started));
        if (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = status;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
