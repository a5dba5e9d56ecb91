using Alarming.Core.History;

namespace Alarming.Storage.History;

/// <summary>The audit history of alarms, newest first.</summary>
public interface IHistoryStore
{
    /// <summary>Writes an entry; writing the same event id twice keeps one entry.</summary>
    Task AddAsync(AlarmChange change, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlarmChange>> ListAsync(string alarmId, CancellationToken cancellationToken);

    /// <summary>Every entry of every alarm, or only those on behalf of <paramref name="onBehalfOf"/>.</summary>
    Task<IReadOnlyList<AlarmChange>> ListAllAsync(string? onBehalfOf, CancellationToken cancellationToken);

    Task DeleteAlarmHistoryAsync(string alarmId, CancellationToken cancellationToken);
}
