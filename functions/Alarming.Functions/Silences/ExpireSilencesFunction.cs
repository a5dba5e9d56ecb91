using Alarming.Functions.Notification;
using Alarming.Storage.Silences;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Silences;

/// <summary>Hourly: deletes silences that ended longer ago than the delivery log keeps its records
/// (<c>Notifier__LogRetentionDays</c>), so an ended silence stays readable as long as what it silenced.</summary>
public sealed class ExpireSilencesFunction(ISilenceStore silences, IOptions<NotifierOptions> options, TimeProvider time,
    ILogger<ExpireSilencesFunction> logger)
{
    public const string Name = "ExpireSilences";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 23 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.LogRetentionDays);
        var count = await silences.ExpireAsync(before, cancellationToken);
        logger.LogInformation("Expired {Count} silences that ended before {Before}", count, before);
    }
}
