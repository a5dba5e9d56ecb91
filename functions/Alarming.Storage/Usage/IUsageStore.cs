using Alarming.Core.Usage;

namespace Alarming.Storage.Usage;

/// <summary>Per-project usage: the counters that finished outbox entries fold into, plus the entries still pending.</summary>
public interface IUsageStore
{
    /// <summary>One project's counters (zero when it has none).</summary>
    Task<AlarmUsage> ProjectUsageAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>The counters of every project that has alarms.</summary>
    Task<IReadOnlyList<AlarmUsage>> AllUsageAsync(CancellationToken cancellationToken);
}
