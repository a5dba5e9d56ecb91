using Alarming.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Notification;

/// <summary>Runs the actions of one <c>alarm-notify</c> message.</summary>
public sealed class NotifyAlarmFunction(AlarmNotifier notifier, ILogger<NotifyAlarmFunction> logger)
{
    public const string Name = "NotifyAlarm";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.Notify)] NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        if (message.V != 1)
        {
            logger.LogWarning("Notification message version {Version} is unknown; dropped", message.V);
            return;
        }
        await notifier.NotifyAsync(message, cancellationToken);
    }
}
