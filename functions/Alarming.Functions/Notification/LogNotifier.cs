using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Notification;

/// <summary><c>log://</c>: Aodh's one INFO line.</summary>
internal sealed class LogNotifier(ILogger<LogNotifier> logger) : IActionNotifier
{
    public IReadOnlyList<string> Schemes { get; } = ["log"];

    public Task<ActionAttempt> NotifyAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notifying alarm {AlarmName} {AlarmId} of {Severity} priority from {Previous} to {Current} with action log: because {Reason}.",
            message.AlarmName, message.AlarmId, message.Severity, message.Previous, message.Current, message.Reason);
        return Task.FromResult(ActionAttempt.Delivered("logged", outcome: "logged"));
    }
}
