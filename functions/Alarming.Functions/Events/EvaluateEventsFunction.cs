using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Events;
using Alarming.Core.Python;
using Alarming.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Events;

/// <summary>Evaluates the events of one <c>alarm-events</c> message: an Aodh event or a list of them
/// (Ceilometer), an Event Grid event or a CloudEvent, each mapped to Aodh's shape first.</summary>
/// <remarks>Retrying cannot mend a malformed event: one in a list is logged and skipped, and a message
/// that is not JSON or holds nothing that can be evaluated goes to <c>alarm-events-poison</c> at once.
/// A failure while evaluating (storage) fails the message, which is redelivered; events fire each
/// alarm at most once, so its other events do not fire twice.</remarks>
public sealed class EvaluateEventsFunction(EventEvaluator evaluator, ITextQueueSender queues, IOptions<EventOptions> options, TimeProvider time,
    ILogger<EvaluateEventsFunction> logger)
{
    public const string Name = "EvaluateEvents";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.Events)] string message, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = PythonJson.Loads(message);
        }
        catch (JsonException e)
        {
            await PoisonAsync(message, $"not JSON ({e.Message})", cancellationToken);
            return;
        }
        var items = body is JsonArray list ? list.ToList() : [body];
        var evaluated = 0;
        for (var index = 0; index < items.Count; index++)
        {
            if (Read(items[index], index) is { } alarmEvent)
            {
                var fired = await evaluator.EvaluateAsync(alarmEvent, cancellationToken);
                logger.LogDebug("Event {MessageId} ({EventType}) of project {Project} fired {Fired} alarms", alarmEvent.MessageId,
                    alarmEvent.EventType, alarmEvent.Project, fired);
                evaluated++;
            }
        }
        if (evaluated == 0)
        {
            await PoisonAsync(message, "no event in it can be evaluated", cancellationToken);
        }
    }

    private AlarmEvent? Read(JsonNode? item, int index)
    {
        try
        {
            var (alarmEvent, rawDropped) = CanonicalEvent.From(item, time.GetUtcNow());
            if (rawDropped)
            {
                logger.LogWarning("Event {Index} is larger than {Bytes} bytes: its raw part is dropped", index, CanonicalEvent.MaxBytes);
            }
            return alarmEvent.Project.Length == 0 ? alarmEvent with { Project = options.Value.DefaultProject } : alarmEvent;
        }
        catch (MalformedEventException e)
        {
            logger.LogWarning("Event {Index} of a message on {Queue} is malformed and skipped: {Reason}", index, QueueNames.Events, e.Message);
            return null;
        }
    }

    private async Task PoisonAsync(string message, string reason, CancellationToken cancellationToken)
    {
        logger.LogError("A message on {Queue} goes to its poison queue: {Reason}", QueueNames.Events, reason);
        await queues.SendAsync(QueueNames.Events + "-poison", message, cancellationToken);
    }
}
