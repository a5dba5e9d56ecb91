using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;
using Alarming.Core.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The legacy <c>threshold</c> type: the meter's raw measures on the
/// resources the query selects, as Ceilometer's statistics, then Aodh's threshold decision.</summary>
public sealed class LegacyThresholdRuleEvaluator(IMetricCatalog catalog, IMeasureStore measures, IOptions<EvaluationOptions> options,
    ILogger<LegacyThresholdRuleEvaluator> logger) : IRuleEvaluator
{
    public IReadOnlyList<string> Types => [AlarmTypes.Threshold];

    public async Task<LeafOutcome> EvaluateAsync(ThresholdRule comparison, DateTimeOffset now, IMetricSource metrics,
        CancellationToken cancellationToken)
    {
        var rule = new StoredLegacyThresholdRule(comparison.Rule);
        var lag = TimeSpan.FromSeconds(options.Value.AdditionalIngestionLagSeconds);
        IReadOnlyList<(DateTimeOffset, double)> window;
        try
        {
            window = await ReadAsync(rule, rule.WindowStart(now, lag), now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Aodh answered no statistics on any error; the rule reads as insufficient data.
            logger.LogWarning(e, "Statistics of meter {Meter} could not be read", rule.MeterName);
            window = [];
        }
        return LegacyThresholdEvaluator.Evaluate(rule, window, now, lag);
    }

    private async Task<IReadOnlyList<(DateTimeOffset, double)>> ReadAsync(StoredLegacyThresholdRule rule, DateTimeOffset start, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var query = rule.Rule["query"]?.AsArray() ?? [];
        var resources = (await CandidatesAsync(query, cancellationToken)).Where(r => LegacyResourceMatch.Matches(r, query)).ToList();
        if (resources.Count > options.Value.LegacyThresholdMaxResources)
        {
            logger.LogWarning("Meter {Meter}: the query selects {Count} resources, more than {Max}; no statistics",
                rule.MeterName, resources.Count, options.Value.LegacyThresholdMaxResources);
            return [];
        }
        var window = new List<(DateTimeOffset, double)>();
        foreach (var metric in resources.Select(r => r.Metrics.GetValueOrDefault(rule.MeterName ?? "")).Where(m => m != Guid.Empty))
        {
            // The store's range excludes its end; a measure at now itself may count (the statistics decide).
            var read = await measures.ReadAsync(metric, start, now.AddTicks(1), cancellationToken);
            window.AddRange(read.Select(m => (m.Timestamp, m.Value)));
        }
        return window;
    }

    /// <summary>The one resource a UUID <c>resource_id</c> item names (the seed rule's case), else every resource.</summary>
    private async Task<IReadOnlyList<ResourceDefinition>> CandidatesAsync(System.Text.Json.Nodes.JsonArray query, CancellationToken cancellationToken)
    {
        foreach (var item in query)
        {
            if ((string?)item?["field"] is "resource_id" or "resource" && Guid.TryParse((string?)item?["value"], out var id))
            {
                return await catalog.FindResourceAsync(id, cancellationToken) is { } resource ? [resource] : [];
            }
        }
        return await catalog.ListResourcesAsync(cancellationToken);
    }
}
