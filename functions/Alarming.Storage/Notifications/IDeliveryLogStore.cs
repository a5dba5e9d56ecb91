namespace Alarming.Storage.Notifications;

/// <summary>Every attempt the notifier made, per alarm, newest first.</summary>
public interface IDeliveryLogStore
{
    Task AddAsync(DeliveryRecord record, CancellationToken cancellationToken);

    /// <summary>The alarm's records, newest first, of <paramref name="projectId"/> only when given, after
    /// <paramref name="after"/> (a record's <see cref="Key"/>) when given.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alarmId, string? projectId, int limit, string? after, CancellationToken cancellationToken);

    /// <summary>Whether the alarm's log holds a record of that key (a marker that names nothing is an error).</summary>
    Task<bool> ExistsAsync(string alarmId, string key, CancellationToken cancellationToken);

    /// <summary>Deletes the records of attempts started before <paramref name="before"/>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>A record's place in its alarm's log: what a page's marker names.</summary>
    string Key(DeliveryRecord record);
}
