using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Quotas;

/// <summary><see cref="IQuotaStore"/> on the <c>quotas</c> table: PartitionKey = project, RowKey = resource.</summary>
internal sealed class QuotaStore(TableClientFactory tables) : IQuotaStore
{
    private const string Resource = "alarms";

    public async Task<int?> FindAsync(string projectId, CancellationToken cancellationToken)
    {
        var entity = await tables.Quotas.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(projectId), Resource, cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetInt32("Limit") : null;
    }

    public Task SetAsync(string projectId, int limit, CancellationToken cancellationToken) =>
        tables.Quotas.UpsertEntityAsync(
            new TableEntity(TableKey.Encode(projectId), Resource) { ["ProjectId"] = projectId, ["Limit"] = limit },
            TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteAsync(string projectId, CancellationToken cancellationToken) =>
        await tables.Quotas.DeleteEntityAsync(TableKey.Encode(projectId), Resource, cancellationToken: cancellationToken);
}
