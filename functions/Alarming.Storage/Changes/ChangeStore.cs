using Alarming.Core.Usage;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Changes;

/// <summary><see cref="IChangeStore"/> on the alarms table, where pending changes and usage counters
/// live in their project's partition (so both fold in one transaction), and the <c>usageprojects</c>
/// table listing the projects that have counters.</summary>
/// <remarks>Counters are split in 16 rows per project by the alarm id's first digit, so concurrent
/// changes in one project seldom contend for the same row.</remarks>
internal sealed class ChangeStore(TableClientFactory tables) : IChangeStore
{
    private const string UsagePrefix = "usage:";
    private const int MaxAttempts = 64;

    private TableClient Alarms => tables.Alarms;

    public async Task<IReadOnlyList<PendingChange>> ListPendingAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {PendingChangeRow.Prefix} and RowKey lt {PrefixEnd(PendingChangeRow.Prefix)} and CreatedAt lt {createdBefore}");
        var changes = new List<PendingChange>();
        await foreach (var entity in Alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            changes.Add(PendingChangeRow.ToChange(entity));
        }
        return changes;
    }

    public async Task FinishAsync(PendingChange change, CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(change.ProjectId);
        var delete = new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(partition, PendingChangeRow.RowKey(change.Id)), ETag.All);
        if (change.Usage.IsZero)
        {
            await Alarms.DeleteEntityAsync(partition, delete.Entity.RowKey, ETag.All, cancellationToken);
            return;
        }
        var shardKey = UsagePrefix + Shard(change.AlarmId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var shard = await Alarms.GetEntityIfExistsAsync<TableEntity>(partition, shardKey, cancellationToken: cancellationToken);
            TableTransactionAction counter;
            if (shard.HasValue)
            {
                var counts = Counts(shard.Value!) + change.Usage;
                counter = new(TableTransactionActionType.UpdateReplace, CounterRow(partition, shardKey, change.ProjectId, counts), shard.Value!.ETag);
            }
            else
            {
                await tables.UsageProjects.UpsertEntityAsync(new TableEntity("", partition) { ["ProjectId"] = change.ProjectId },
                    TableUpdateMode.Replace, cancellationToken);
                counter = new(TableTransactionActionType.Add, CounterRow(partition, shardKey, change.ProjectId, change.Usage));
            }
            try
            {
                await Alarms.SubmitTransactionAsync([counter, delete], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 1 && e.Status == 404)
            {
                return;  // another worker finished it
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // another change moved the same counter first: read it again
            }
        }
        throw new InvalidOperationException($"The usage counters of project {change.ProjectId} kept changing; change {change.Id} stays pending");
    }

    public async Task<AlarmUsage> ProjectUsageAsync(string? projectId, CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(projectId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {UsagePrefix} and RowKey lt {PrefixEnd(UsagePrefix)}");
        var total = default(AlarmCounts);
        await foreach (var entity in Alarms.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            total += Counts(entity);
        }
        return new AlarmUsage(projectId, total);
    }

    public async Task<IReadOnlyList<AlarmUsage>> AllUsageAsync(CancellationToken cancellationToken)
    {
        var projects = new List<string?>();
        await foreach (var entity in tables.UsageProjects.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            projects.Add(entity.GetString("ProjectId"));
        }
        var usage = new AlarmUsage[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => usage[i] = await ProjectUsageAsync(projects[i], ct));
        return usage.Where(u => u.Counts.Total > 0).ToList();
    }

    /// <remarks>Alarm ids are UUIDs; any other id still lands in a valid shard.</remarks>
    private static char Shard(string alarmId) =>
        alarmId.Length > 0 && char.IsAsciiHexDigit(alarmId[0]) ? char.ToLowerInvariant(alarmId[0]) : '0';

    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static AlarmCounts Counts(TableEntity row) =>
        new(row.GetInt32("Total") ?? 0, row.GetInt32("Alarm") ?? 0, row.GetInt32("Ok") ?? 0, row.GetInt32("InsufficientData") ?? 0);

    private static TableEntity CounterRow(string partition, string rowKey, string? projectId, AlarmCounts counts) => new(partition, rowKey)
    {
        ["ProjectId"] = projectId,
        ["Total"] = counts.Total,
        ["Alarm"] = counts.Alarm,
        ["Ok"] = counts.Ok,
        ["InsufficientData"] = counts.InsufficientData,
    };
}
