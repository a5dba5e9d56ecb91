using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Silences;

/// <summary>Every minute, at second 30 (away from the evaluation tick): the notifications of silences that
/// ended go out (<see cref="SilenceExpiry"/>).</summary>
public sealed class ResendSilencedFunction(SilenceExpiry expiry)
{
    public const string Name = "ResendSilenced";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        expiry.ResendAsync(cancellationToken);
}
