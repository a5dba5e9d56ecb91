namespace Alarming.Storage.Queues;

/// <summary>Puts text that is already a message (rendered JSON) on any queue of the service's account
/// (base64, as a Functions queue trigger reads it), creating the queue the first time: outbox effects
/// and the <c>queue://NAME</c> action.</summary>
public interface ITextQueueSender
{
    Task SendAsync(string queueName, string text, CancellationToken cancellationToken);
}
