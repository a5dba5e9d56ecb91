using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Evaluation;

/// <summary>The evaluation timer: on each <c>AlarmEvaluationSchedule</c> occurrence, fans the
/// tick's work out onto <c>alarm-evaluate</c>.</summary>
/// <remarks>A failed run is not retried by the platform; the next tick evaluates again.</remarks>
public sealed class FanOutEvaluationFunction(EvaluationFanOut fanOut, IOptions<EvaluationOptions> options, TimeProvider time,
    ILogger<FanOutEvaluationFunction> logger)
{
    public const string Name = "FanOutEvaluation";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%AlarmEvaluationSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("Evaluation timer is past due; evaluating the current tick once");
        }
        await fanOut.RunAsync(options.Value.TickOf(time.GetUtcNow()), cancellationToken);
    }
}
