using Alarming.Core.Usage;

namespace Alarming.Storage.Changes;

/// <summary>Pending changes (written by <see cref="Alarms.IAlarmStore"/> with the alarm) and the usage
/// counters they fold into.</summary>
public interface IChangeStore
{
    /// <summary>Pending changes written before <paramref name="createdBefore"/>: left by a crash, or still being finished.</summary>
    Task<IReadOnlyList<PendingChange>> ListPendingAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);

    /// <summary>Adds the change's usage to its project's counters and deletes it, atomically; a change
    /// already finished (by another worker) is left alone.</summary>
    Task FinishAsync(PendingChange change, CancellationToken cancellationToken);

    /// <summary>One project's counters (zero when it has none).</summary>
    Task<AlarmUsage> ProjectUsageAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>The counters of every project that has alarms.</summary>
    Task<IReadOnlyList<AlarmUsage>> AllUsageAsync(CancellationToken cancellationToken);
}
