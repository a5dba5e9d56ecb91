using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace Alarming.Storage.Queues;

internal sealed class TextQueueSender(StorageConnection connection) : ITextQueueSender
{
    private readonly QueueServiceClient service = connection.Queues();
    private readonly ConcurrentDictionary<string, QueueClient> created = new();

    public async Task SendAsync(string queueName, string text, CancellationToken cancellationToken)
    {
        if (!created.TryGetValue(queueName, out var queue))
        {
            queue = service.GetQueueClient(queueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created.TryAdd(queueName, queue);
        }
        await queue.SendMessageAsync(text, cancellationToken);
    }
}
