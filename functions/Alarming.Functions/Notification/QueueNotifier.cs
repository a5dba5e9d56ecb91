using Alarming.Core.Actions;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Notification;

/// <summary><c>queue://NAME</c> (ours): the webhook body as a message on Storage queue NAME of the
/// service's account, base64 as a queue-triggered function reads it.</summary>
internal sealed class QueueNotifier(ITextQueueSender queues) : IActionNotifier
{
    public IReadOnlyList<string> Schemes { get; } = ["queue"];

    public async Task<ActionAttempt> NotifyAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        if (!ActionUrl.TryParse(action, out var url) || url.Host.Length == 0)
        {
            return ActionAttempt.Failed("no queue name");
        }
        await queues.SendAsync(url.Host, WebhookBody.For(message), cancellationToken);
        return ActionAttempt.Delivered($"queued on {url.Host}", outcome: "queued");
    }
}
