using Alarming.Core.Usage;

namespace Alarming.Storage.Usage;

/// <summary>The per-project usage counters that finished outbox entries fold into.</summary>
public interface IUsageStore
{
    /// <summary>One project's counters (zero when it has none).</summary>
    Task<AlarmUsage> ProjectUsageAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>The counters of every project that has alarms.</summary>
    Task<IReadOnlyList<AlarmUsage>> AllUsageAsync(CancellationToken cancellationToken);
}
