namespace Alarming.Core.Evaluation;

/// <summary>What a metric source answered for one rule's window: points, or why there are none.</summary>
public sealed record MeasureFetch(IReadOnlyList<MeasurePoint> Points, FetchFailure? Failure)
{
    public static MeasureFetch Of(IReadOnlyList<MeasurePoint> points) => new(points, null);

    public static MeasureFetch Failed(FetchFailureKind kind, string message) => new([], new FetchFailure(kind, message));
}

/// <summary>One aggregated point: bucket start, granularity in seconds, value.</summary>
public readonly record struct MeasurePoint(DateTimeOffset Timestamp, double Granularity, double Value);

public sealed record FetchFailure(FetchFailureKind Kind, string Message);

/// <summary>The failure classes Aodh tells apart in its reasons.</summary>
public enum FetchFailureKind
{
    MetricNotFound,
    ResourceNotFound,
    OtherNotFound,
    Other,
}
