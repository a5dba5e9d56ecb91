namespace Alarming.Storage.Metrics;

/// <summary>A write would put more measures in one hour of one metric than its row holds.</summary>
public sealed class MeasureBlockFullException(Guid metricId, DateTimeOffset hour, int count, int max)
    : Exception($"Too many measures in one hour of metric {metricId}: {count} from {hour:u}, at most {max}");
