using System.Text.Json.Nodes;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>Puts <c>alarm-notify</c> messages on the queue as the evaluator does, for notifier tests
/// that need no evaluation in front.</summary>
public static class NotifyMessages
{
    public static Task<string> SendAsync(AlarmingHostFixture host, params string[] actions) => SendCopiesAsync(host, 1, actions);

    /// <summary>A notification of the given alarm, returning its id.</summary>
    public static async Task<string> SendForAsync(AlarmingHostFixture host, string alarmId, string? projectId, params string[] actions)
    {
        var id = Guid.NewGuid().ToString();
        var message = Message(host, id, actions);
        message["alarm_id"] = alarmId;
        message["project_id"] = projectId;
        await new QueueProbe(host.Storage, QueueNames.Notify).SendJsonAsync(message);
        return id;
    }

    /// <summary>A notification of a move of the given alarm from <paramref name="previous"/> to <paramref name="current"/>, returning its id.</summary>
    public static async Task<string> SendMoveAsync(AlarmingHostFixture host, string alarmId, string? projectId, string previous, string current,
        params string[] actions)
    {
        var id = Guid.NewGuid().ToString();
        var message = Message(host, id, actions);
        message["alarm_id"] = alarmId;
        message["project_id"] = projectId;
        message["previous"] = previous;
        message["current"] = current;
        await new QueueProbe(host.Storage, QueueNames.Notify).SendJsonAsync(message);
        return id;
    }

    /// <summary>The same message <paramref name="copies"/> times, as an at-least-once producer may send it.</summary>
    public static async Task<string> SendCopiesAsync(AlarmingHostFixture host, int copies, params string[] actions)
    {
        var id = Guid.NewGuid().ToString();
        var message = Message(host, id, actions);
        var queue = new QueueProbe(host.Storage, QueueNames.Notify);
        for (var i = 0; i < copies; i++)
        {
            await queue.SendJsonAsync(message.DeepClone());
        }
        return id;
    }

    private static JsonObject Message(AlarmingHostFixture host, string id, string[] actions) => new()
    {
            ["notification_id"] = id,
            ["alarm_id"] = Guid.NewGuid().ToString(),
            ["alarm_name"] = "cpu-high",
            ["severity"] = "low",
            ["project_id"] = "p-plain",
            ["user_id"] = "u1",
            ["previous"] = "ok",
            ["current"] = "alarm",
            ["reason"] = "Transition to alarm due to 3 samples outside threshold, most recent: 95.0",
            ["reason_data"] = JsonNode.Parse("""{"type": "threshold", "disposition": "outside", "count": 3, "most_recent": 95.0}"""),
            ["actions"] = new JsonArray(actions.Select(a => (JsonNode?)a).ToArray()),
            ["tick"] = host.Time.GetUtcNow().ToString("O"),
            ["v"] = 1,
    };
}
