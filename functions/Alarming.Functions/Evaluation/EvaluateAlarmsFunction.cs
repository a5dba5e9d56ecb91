using Alarming.Core.Evaluation;
using Alarming.Storage.Alarms;
using Alarming.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Evaluation;

/// <summary>Evaluates every alarm named in one <c>alarm-evaluate</c> message.</summary>
/// <remarks>Delivery is at least once. A throw returns the whole message to the queue, which is
/// safe because <see cref="AlarmEvaluator"/> records at most one transition per alarm and tick.</remarks>
public sealed class EvaluateAlarmsFunction(AlarmEvaluator evaluator, IAlarmStore alarms, TickMetricSources metrics, ILogger<EvaluateAlarmsFunction> logger)
{
    public const string Name = "EvaluateAlarms";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.Evaluate)] EvaluateAlarmsMessage message, CancellationToken cancellationToken)
    {
        if (message.V != 1)
        {
            logger.LogWarning("Evaluation message version {Version} is unknown; dropped", message.V);
            return;
        }
        logger.LogDebug("Evaluating {AlarmCount} alarms for tick {Tick}", message.Alarms.Count, message.Tick);
        var carried = (message.Carried is { } packed ? CarriedAlarms.Unpack(packed) : []).ToDictionary(a => a.Alarm.AlarmId);
        var read = await alarms.FindManyAsync(message.Alarms.Where(a => !carried.ContainsKey(a.Id)).Select(a => (a.ProjectId, a.Id)),
            cancellationToken);
        var alarmsRead = message.Alarms.Select(a => (a, carried.GetValueOrDefault(a.Id) ?? read.GetValueOrDefault(a.Id))).ToList();
        await evaluator.EvaluateManyAsync(alarmsRead, message.Tick, metrics.For(message.Tick), cancellationToken);
    }
}
