using Alarming.Core.Evaluation.Legacy;
using Alarming.Core.Metrics;
using Alarming.Storage.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>Reads a legacy rule's samples from the built-in store: the meter's raw measures on the
/// resources the rule's query selects, as Ceilometer's statistics API did.</summary>
internal sealed class LegacyMeterReader(IMetricCatalog catalog, IMeasureStore measures, IOptions<EvaluationOptions> options,
    ILogger<LegacyMeterReader> logger)
{
    /// <summary>The samples with <paramref name="start"/> ≤ timestamp ≤ <paramref name="now"/>, in no particular order.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, double Value)>> ReadAsync(StoredLegacyThresholdRule rule, DateTimeOffset start, DateTimeOffset now,
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
