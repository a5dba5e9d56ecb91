using Alarming.Core.Metrics;

namespace Alarming.Storage.Metrics;

/// <summary>Raw measures of the built-in metric store, kept per metric in blocks of one UTC hour.</summary>
public interface IMeasureStore
{
    /// <summary>Writes measures; a measure at a timestamp already stored replaces it, and of two at one
    /// timestamp in <paramref name="measures"/> the later wins.</summary>
    /// <exception cref="MeasureBlockFullException">An hour of the metric would hold more measures than its block
    /// can. Nothing of that hour's UTC day is written; other days of the call may be.</exception>
    Task AddAsync(Guid metricId, IReadOnlyList<Measure> measures, CancellationToken cancellationToken);

    /// <summary>Measures with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, in time order.</summary>
    Task<IReadOnlyList<Measure>> ReadAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The last measure before <paramref name="before"/> (for the first <c>rate:</c> difference), searching back
    /// <paramref name="days"/> UTC days, the day of <paramref name="before"/> included.</summary>
    Task<Measure?> LastBeforeAsync(Guid metricId, DateTimeOffset before, int days, CancellationToken cancellationToken);

    /// <summary>Deletes the measures of every metric's hours that ended by <paramref name="before"/>; returns how many.
    /// Expiry works in whole hours: the hour <paramref name="before"/> falls in keeps its older measures until it has passed.</summary>
    Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes the metric's measures of every hour that <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/> touches.</summary>
    Task DeleteAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
