namespace Alarming.Storage.Queues;

/// <summary>Sends versioned JSON messages to the service's Storage queues (base64, as the
/// Functions queue trigger reads them).</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);

    Task CreateQueuesAsync(CancellationToken cancellationToken);
}
