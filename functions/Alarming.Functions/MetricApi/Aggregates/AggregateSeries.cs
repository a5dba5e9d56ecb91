using Alarming.Core.Evaluation;
using Alarming.Core.Metrics;

namespace Alarming.Functions.MetricApi.Aggregates;

/// <summary>One series an aggregates request reads: a metric with an aggregation method, labelled
/// with its resource when found by search, and its points once read.</summary>
public sealed record AggregateSeries(string Resource, MetricDefinition Metric, string Aggregation)
{
    public IReadOnlyList<MeasurePoint> Points { get; init; } = [];
}
