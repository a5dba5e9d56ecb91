namespace Alarming.Storage.Quotas;

/// <summary>Stored per-project alarm quotas (resource <c>alarms</c> is the only one).</summary>
public interface IQuotaStore
{
    Task<int?> FindAsync(string projectId, CancellationToken cancellationToken);

    Task SetAsync(string projectId, int limit, CancellationToken cancellationToken);

    Task DeleteAsync(string projectId, CancellationToken cancellationToken);
}
