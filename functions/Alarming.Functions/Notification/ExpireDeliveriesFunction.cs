using Alarming.Storage.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Notification;

/// <summary>Hourly: deletes delivery log records older than <c>Notifier__LogRetentionDays</c>, and the
/// notifier's own records of finished actions and ended claims as old.</summary>
public sealed class ExpireDeliveriesFunction(IDeliveryLogStore deliveries, IActionOutcomeStore outcomes, IOptions<NotifierOptions> options,
    TimeProvider time, ILogger<ExpireDeliveriesFunction> logger)
{
    public const string Name = "ExpireDeliveries";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 23 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.LogRetentionDays);
        var count = await deliveries.ExpireAsync(before, cancellationToken);
        var notifier = await outcomes.ExpireAsync(before, cancellationToken);
        logger.LogInformation("Expired {Count} delivery log records and {Notifier} outcome and claim rows from before {Before}", count, notifier, before);
    }
}
