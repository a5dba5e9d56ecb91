using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Identity;

/// <summary>Logs, at every start, that a deployed app trusts identity headers because it was told to.</summary>
internal sealed class NoAuthWarning(AuthModeDecision decision, ILogger<NoAuthWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("{Warning}", decision.Warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
