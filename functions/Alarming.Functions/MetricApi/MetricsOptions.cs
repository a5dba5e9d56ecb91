using System.ComponentModel.DataAnnotations;
using Alarming.Functions.MetricApi.ArchivePolicies;
using Alarming.Functions.MetricApi.Measures;
using Alarming.Functions.MetricApi.Metrics;
using Alarming.Functions.MetricApi.ResourceTypes;
using Alarming.Functions.MetricApi.Resources;
using Alarming.Functions.MetricApi.Search;
using Alarming.Functions.MetricApi.Aggregates;
using Alarming.Functions.Http;
using Alarming.Core.Metrics;
using Alarming.Functions.Evaluation;

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
