namespace Alarming.Storage.Outbox;

/// <summary>Outbox entries (written by <see cref="Alarms.IAlarmStore"/> with the alarm) and their completion.</summary>
public interface IOutboxStore
{
    /// <summary>Entries written before <paramref name="createdBefore"/>: left by a crash, or still being finished.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);

    /// <summary>The ids of every entry still pending (one scan).</summary>
    Task<IReadOnlySet<string>> ListPendingIdsAsync(CancellationToken cancellationToken);

    /// <summary>One entry of the alarm, or null when it was finished (or never written).</summary>
    Task<OutboxEntry?> FindAsync(Core.Alarms.Alarm alarm, string entryId, CancellationToken cancellationToken);

    /// <summary>Adds the entry's usage to its project's counters and deletes it, atomically; an entry
    /// already completed (by another finisher) is left alone.</summary>
    Task CompleteAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary><see cref="CompleteAsync"/> for many entries, a transaction per 99 of one partition:
    /// their usage summed into one counter, all deleted with it.</summary>
    Task CompleteManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);
}
