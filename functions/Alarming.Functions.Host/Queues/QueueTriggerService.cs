using System.Text;
using System.Text.Json;
using Alarming.Functions.Host.Discovery;
using Alarming.Functions.Host.Invocation;
using Alarming.Functions.Host.Settings;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alarming.Functions.Host.Queues;

/// <summary>Runs one queue-triggered function with the storage queue extension's semantics:
/// polling with randomised exponential back-off up to
/// <c>maxPollingInterval</c>, <c>batchSize</c> messages at a time and the next batch when
/// in-flight work drops to <c>newBatchThreshold</c>, a failed message visible again after
/// <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> tries moved to <c>&lt;queue&gt;-poison</c>.
/// Messages are base64 unless host.json says <c>none</c>; one that does not decode goes to poison.</summary>
/// <remarks>Polling waits use real time, not the injected clock: they are I/O pacing, not schedule.</remarks>
internal sealed class QueueTriggerService(
    FunctionDescriptor function,
    QueueSettings settings,
    QueueServiceClient queues,
    FunctionInvoker invoker,
    TriggerActivity activity,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    /// <summary>The extension receives with a 10-minute lease and renews it while work runs; our
    /// invocations are short, so the first lease is the only one.</summary>
    private static readonly TimeSpan ReceiveVisibility = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);


    private readonly QueueClient queue = queues.GetQueueClient(function.QueueName);
    private readonly QueueClient poison = queues.GetQueueClient(function.QueueName + "-poison");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var slots = new SemaphoreSlim(settings.BatchSize + settings.NewBatchThreshold);
        var delay = MinimumPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Fetch the next batch only when in-flight work has dropped to newBatchThreshold.
            while (slots.CurrentCount < settings.BatchSize)
            {
                await Task.Delay(10, stoppingToken);
            }
            var messages = await ReceiveAsync(stoppingToken);
            if (messages.Length == 0)
            {
                await Task.Delay(Jitter(delay), stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
                continue;
            }
            delay = MinimumPollingInterval;
            foreach (var message in messages)
            {
                await StartProcessingAsync(message, slots, stoppingToken);
            }
        }
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(settings.BatchSize, ReceiveVisibility, cancellationToken)).Value;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // Storage unreachable (the SDK's retries exhausted): keep polling, as the Functions host does.
            logger.LogWarning(e, "Receiving from {Queue} failed", function.QueueName);
            return [];
        }
    }

    /// <summary>Takes a slot and processes the message in the background, giving the slot back when done.</summary>
    private async Task StartProcessingAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await slots.WaitAsync(stoppingToken);
        activity.Started(function.Name);  // from receipt, so "idle" never overlooks a message in hand
        _ = Task.Run(async () =>
        {
            try
            {
                await ProcessAsync(message, stoppingToken);
            }
            finally
            {
                activity.Finished();
                slots.Release();
            }
        }, CancellationToken.None);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, "it was received more often than maxDequeueCount (crashes?)");
            return;
        }
        object? value;
        try
        {
            value = Bind(message);
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            logger.LogError(e, "Message {MessageId} on {Queue} cannot be decoded", message.MessageId, function.QueueName);
            await MoveToPoisonAsync(message, "message decoding has failed");
            return;
        }
        try
        {
            await invoker.InvokeAsync(function, value, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Function {Function} failed on message {MessageId} (try {DequeueCount})",
                function.Name, message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, "it failed maxDequeueCount times");
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout,
                    cancellationToken: CancellationToken.None);
            }
        }
    }

    private object? Bind(QueueMessage message)
    {
        var type = function.TriggerParameter.ParameterType;
        var bytes = settings.Base64 ? Convert.FromBase64String(message.MessageText) : Encoding.UTF8.GetBytes(message.MessageText);
        if (type == typeof(QueueMessage))
        {
            // As the worker's converter gives it: the host's message with the decoded body.
            return QueuesModelFactory.QueueMessage(message.MessageId, message.PopReceipt, BinaryData.FromBytes(bytes), message.DequeueCount,
                message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
        }
        if (type == typeof(string))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        if (type == typeof(byte[]))
        {
            return bytes;
        }
        if (type == typeof(BinaryData))
        {
            return BinaryData.FromBytes(bytes);
        }
        return JsonSerializer.Deserialize(bytes, type, Storage.StorageJson.Options) ?? throw new JsonException("empty message");
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string why)
    {
        logger.LogWarning("Moving message {MessageId} to {Queue}-poison: {Why}", message.MessageId, function.QueueName, why);
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(message.MessageText);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }

    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + Random.Shared.NextDouble() * 0.4)));
}
