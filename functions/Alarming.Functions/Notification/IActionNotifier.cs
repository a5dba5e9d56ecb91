
namespace Alarming.Functions.Notification;

/// <summary>Runs actions of the URL schemes it names.</summary>
public interface IActionNotifier
{
    IReadOnlyList<string> Schemes { get; }

    /// <remarks>May throw: the caller counts an exception as a failure to retry.</remarks>
    Task<ActionAttempt> NotifyAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken);
}
