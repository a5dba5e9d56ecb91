namespace Alarming.Storage.Queues;

/// <summary>Puts text on any queue of the service's account (base64, as a Functions queue
/// trigger reads it), creating the queue the first time: the <c>queue://NAME</c> action.</summary>
public interface IRawQueueSender
{
    Task SendAsync(string queueName, string text, CancellationToken cancellationToken);
}
