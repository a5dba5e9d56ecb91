namespace Alarming.Storage.Silences;

/// <summary>The notifications silences kept back, one per (silence, alarm): the latest.</summary>
public interface IMutedNotificationStore
{
    Task RecordAsync(MutedNotification muted, CancellationToken cancellationToken);

    Task<IReadOnlyList<MutedNotification>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Moves the end of the muting (a recurring silence's next window), unless the row changed.</summary>
    Task<bool> MoveWindowAsync(MutedNotification muted, DateTimeOffset windowEnds, CancellationToken cancellationToken);

    /// <summary>Removes the row once its notification is sent or owed no more, unless it changed meanwhile.</summary>
    Task<bool> RemoveAsync(MutedNotification muted, CancellationToken cancellationToken);
}
