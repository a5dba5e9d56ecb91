using Alarming.Core.Evaluation.Legacy;

namespace Alarming.Core.Evaluation;

/// <summary>Where rules read their data: the built-in store, or later a real Gnocchi or
/// Prometheus. Failures of the Gnocchi reads are answers, not exceptions.</summary>
public interface IMetricSource
{
    /// <summary>A Gnocchi threshold rule's aggregated points in [<paramref name="start"/>, <paramref name="stop"/>).</summary>
    Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken);

    /// <summary>A legacy rule's raw samples: its meter on the resources its query selects, with
    /// <paramref name="start"/> ≤ timestamp ≤ <paramref name="now"/>.</summary>
    Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadMeterAsync(StoredLegacyThresholdRule rule, DateTimeOffset start,
        DateTimeOffset now, CancellationToken cancellationToken);
}
