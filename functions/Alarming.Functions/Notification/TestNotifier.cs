
namespace Alarming.Functions.Notification;

/// <summary><c>test://</c>: records the notification in the <see cref="TestNotificationSink"/>.</summary>
internal sealed class TestNotifier(TestNotificationSink sink) : IActionNotifier
{
    public IReadOnlyList<string> Schemes { get; } = ["test"];

    public Task<ActionAttempt> NotifyAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        sink.Add(action, message);
        return Task.FromResult(ActionAttempt.Delivered("recorded"));
    }
}
