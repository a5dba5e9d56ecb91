using Alarming.Functions.MetricApi;
using Alarming.Storage.Metrics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary>Deletes raw measures older than <see cref="MetricsOptions.RetentionDays"/>, in whole hours,
/// every hour at minute 17. Reads never use them anyway; this only frees the storage.</summary>
public sealed class ExpireMeasuresFunction(IMeasureStore measures, IOptions<MetricsOptions> options, TimeProvider time,
    ILogger<ExpireMeasuresFunction> logger)
{
    public const string Name = "ExpireMeasures";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var count = await measures.ExpireAsync(before, cancellationToken);
        logger.LogInformation("Expired {MeasureCount} measures of the hours that ended by {Before}", count, before);
    }
}
