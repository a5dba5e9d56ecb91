using Alarming.Storage.Alarms;
using Alarming.Storage.Evaluation;
using Alarming.Storage.Outbox;
using Alarming.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>One tick's fan-out: every enabled alarm of a type <see cref="RuleEvaluators"/> can judge, read in one
/// scan, in shards of at most <see cref="EvaluationOptions.BatchSize"/> carrying the alarms as read, onto <c>alarm-evaluate</c>.</summary>
/// <remarks>The tick is claimed first (a conditional insert), so a second run for the same tick
/// (a late timer, a lost lease, another host) enqueues nothing. Event alarms are evaluated as
/// events arrive, never here; disabled alarms are never evaluated.</remarks>
public sealed class EvaluationFanOut(
    IAlarmStore alarms, IOutboxStore outbox, ITickStore ticks, IMessageQueue queue, RuleEvaluators evaluators, IOptions<EvaluationOptions> options,
    ILogger<EvaluationFanOut> logger)
{
    /// <returns>The number of alarms enqueued, or <c>null</c> when the tick was fanned out before.</returns>
    public async Task<int?> RunAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        if (!await ticks.TryClaimAsync(tick, cancellationToken))
        {
            logger.LogInformation("Tick {Tick} was fanned out already", tick);
            return null;
        }
        var due = (await alarms.ListEnabledAsync(cancellationToken)).Where(a => evaluators.CanEvaluate(a.Alarm.Type)).ToList();
        // Read after the alarms: an entry missing now was finished, or belongs to a write newer than the
        // alarm as read (whose write will then lose to it). Marks of finished entries need no clearing.
        var pending = await outbox.ListPendingIdsAsync(cancellationToken);
        var shards = EvaluationShards.Pack(EvaluationShards.WithoutFinishedEntries(due, pending), tick, options.Value.BatchSize);
        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (message, ct) => await queue.SendAsync(QueueNames.Evaluate, message, ct));
        logger.LogInformation("Tick {Tick}: {AlarmCount} alarms enqueued", tick, due.Count);
        return due.Count;
    }
}
