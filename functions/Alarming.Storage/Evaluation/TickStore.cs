using System.Globalization;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Evaluation;

/// <summary><see cref="ITickStore"/> on the <c>ticks</c> table: PartitionKey = the tick's day,
/// RowKey = the tick; an insert that finds the row is a tick already claimed.</summary>
internal sealed class TickStore(TableClientFactory tables) : ITickStore
{
    public async Task<bool> TryClaimAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var utc = tick.UtcDateTime;
        try
        {
            await tables.Ticks.AddEntityAsync(new TableEntity(utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                utc.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture)), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
