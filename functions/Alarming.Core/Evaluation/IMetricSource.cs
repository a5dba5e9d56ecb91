namespace Alarming.Core.Evaluation;

/// <summary>Where threshold rules read their statistics: the built-in store, or later a real
/// Gnocchi or Prometheus. Failures are answers, not exceptions.</summary>
public interface IMetricSource
{
    Task<MeasureFetch> FetchAsync(ThresholdRule rule, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken);
}
