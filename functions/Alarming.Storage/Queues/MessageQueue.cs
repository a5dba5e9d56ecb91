using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;

namespace Alarming.Storage.Queues;

internal sealed class MessageQueue(StorageConnection connection) : IMessageQueue
{
    private readonly QueueServiceClient service = connection.Queues();
    private readonly ConcurrentDictionary<string, QueueClient> clients = new();

    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var client = clients.GetOrAdd(queueName, service.GetQueueClient);
        await client.SendMessageAsync(BinaryData.FromObjectAsJson(message, StorageJson.Options), cancellationToken: cancellationToken);
    }

    public async Task CreateQueuesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in QueueNames.All)
        {
            await service.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
