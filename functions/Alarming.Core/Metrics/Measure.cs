namespace Alarming.Core.Metrics;

/// <summary>One raw measure of a metric.</summary>
public readonly record struct Measure(DateTimeOffset Timestamp, double Value);
