namespace Alarming.Storage.Silences;

/// <summary>The notifications silences kept back, one per (silence, alarm).</summary>
public interface IMutedNotificationStore
{
    /// <summary>Keeps the notification, unless one of the same state is kept already: the first of a state is the
    /// transition, later ones its repeats.</summary>
    Task KeepAsync(MutedNotification muted, CancellationToken cancellationToken);

    Task<IReadOnlyList<MutedNotification>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the row once its notification is sent or owed no more, unless it changed meanwhile.</summary>
    Task<bool> RemoveAsync(MutedNotification muted, CancellationToken cancellationToken);
}
