using Alarming.Core.Metrics;

namespace Alarming.Storage.Metrics;

/// <summary>Raw measures of the built-in metric store, kept per metric and day.</summary>
public interface IMeasureStore
{
    /// <summary>Writes measures; a measure at a timestamp already stored replaces it.</summary>
    Task AddAsync(Guid metricId, IReadOnlyList<Measure> measures, CancellationToken cancellationToken);

    /// <summary>Measures with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, in time order.</summary>
    Task<IReadOnlyList<Measure>> ReadAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The last measure before <paramref name="before"/> (for the first <c>rate:</c> difference), searching back <paramref name="days"/> days.</summary>
    Task<Measure?> LastBeforeAsync(Guid metricId, DateTimeOffset before, int days, CancellationToken cancellationToken);

    /// <summary>Deletes every measure older than <paramref name="before"/>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task DeleteAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
