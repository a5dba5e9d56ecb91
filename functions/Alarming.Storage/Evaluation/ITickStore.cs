namespace Alarming.Storage.Evaluation;

/// <summary>Which evaluation ticks were fanned out, so a tick is fanned out once even when the
/// timer fires twice for it (lease lost, a late run, two hosts).</summary>
public interface ITickStore
{
    /// <summary>Claims the tick; <c>false</c> when it was claimed before.</summary>
    Task<bool> TryClaimAsync(DateTimeOffset tick, CancellationToken cancellationToken);
}
