namespace Alarming.Storage.Notifications;

/// <summary>Which actions of a notification are finished, so a redelivered message runs only
/// those that are not (a receiver sees a delivered notification at most once more, when the
/// record itself was lost in a crash).</summary>
public interface IActionOutcomeStore
{
    Task<IReadOnlyList<ActionOutcome>> ListAsync(string notificationId, CancellationToken cancellationToken);

    Task RecordAsync(string notificationId, ActionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Claims the notification for one worker until <paramref name="until"/> and returns the
    /// claim's version and pass number; null while another worker's claim runs (a duplicate copy of the message is
    /// being handled there).</summary>
    Task<NotificationClaim?> TryClaimAsync(string notificationId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Ends the claim of that version; one taken over meanwhile stays.</summary>
    Task ReleaseAsync(string notificationId, string version, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes outcomes recorded, and claims ended, before <paramref name="before"/>; returns how many rows.</summary>
    Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
