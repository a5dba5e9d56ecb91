using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>Reads and writes a fixture's queues directly, as another producer or a receiver would.</summary>
public sealed class QueueProbe(string connectionString, string queueName)
{
    private readonly QueueClient queue = new(connectionString, queueName);

    /// <summary>The messages now on the queue, without taking them (a peek sees at most 32).</summary>
    public async Task<IReadOnlyList<JsonNode>> PeekAllAsync()
    {
        await queue.CreateIfNotExistsAsync();
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        Assert.True(messages.Length < 32, "more messages than one peek shows");
        return messages.Select(m => JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)))!).ToList();
    }

    /// <summary>Takes every message now on the queue (the queue is left empty).</summary>
    public async Task<IReadOnlyList<JsonNode>> TakeAllAsync()
    {
        await queue.CreateIfNotExistsAsync();
        var taken = new List<JsonNode>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return taken;
            }
            foreach (var message in batch)
            {
                taken.Add(JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)))!);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public async Task SendRawAsync(string text)
    {
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
    }

    public Task SendJsonAsync(JsonNode message) => SendRawAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.ToJsonString())));

    public async Task<int> CountAsync()
    {
        await queue.CreateIfNotExistsAsync();
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }
}
