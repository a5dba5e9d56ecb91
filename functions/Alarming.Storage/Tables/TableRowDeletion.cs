using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Tables;

/// <summary>Deletes the rows a filter selects, one at a time (they span partitions, so no transaction holds them).</summary>
internal static class TableRowDeletion
{
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> DeleteWhereAsync(this TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }
        return deleted;
    }
}
