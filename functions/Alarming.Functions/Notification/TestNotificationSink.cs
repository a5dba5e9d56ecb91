using System.Collections.Concurrent;

namespace Alarming.Functions.Notification;

/// <summary>What <c>test://</c> actions received, in memory and never persisted, as Aodh's test
/// notifier keeps them; read back through <c>GET /v2/admin/test-notifications</c>.</summary>
public sealed class TestNotificationSink
{
    private readonly ConcurrentQueue<(string Action, NotifyAlarmMessage Message)> received = new();

    public void Add(string action, NotifyAlarmMessage message) => received.Enqueue((action, message));

    public IReadOnlyList<(string Action, NotifyAlarmMessage Message)> All => received.ToArray();
}
