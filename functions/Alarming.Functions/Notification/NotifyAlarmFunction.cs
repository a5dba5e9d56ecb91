using Alarming.Storage;
using Alarming.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Notification;

/// <summary>Runs the actions of one <c>alarm-notify</c> message. Bound as a <see cref="QueueMessage"/> for its
/// dequeue count: on the message's last try (<c>maxDequeueCount</c>) an action still failing is logged
/// <c>failed</c>, not <c>retrying</c>, since the message goes to <c>alarm-notify-poison</c> next.</summary>
/// <remarks>The worker does not see host.json, so <c>maxDequeueCount</c> is read from its app-setting override
/// (<c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>), else host.json's value, 5.</remarks>
public sealed class NotifyAlarmFunction(AlarmNotifier notifier, IConfiguration configuration, ILogger<NotifyAlarmFunction> logger)
{
    public const string Name = "NotifyAlarm";
    public const int HostJsonMaxDequeueCount = 5;

    private readonly int maxDequeueCount =
        configuration.GetValue("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", HostJsonMaxDequeueCount);

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.Notify)] QueueMessage queued, CancellationToken cancellationToken)
    {
        var message = queued.Body.ToObjectFromJson<NotifyAlarmMessage>(StorageJson.Options)
            ?? throw new InvalidOperationException($"Message {queued.MessageId} on {QueueNames.Notify} is empty");
        if (message.V != 1)
        {
            logger.LogWarning("Notification message version {Version} is unknown; dropped", message.V);
            return;
        }
        await notifier.NotifyAsync(message, lastTry: queued.DequeueCount >= maxDequeueCount, cancellationToken);
    }
}
