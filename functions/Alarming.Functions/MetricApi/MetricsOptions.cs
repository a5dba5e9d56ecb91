using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.MetricApi;

/// <summary>Built-in metric store settings (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Raw measures older than this are not read and are expired.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>Largest measure-push body, in bytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
}
