using Alarming.Core.Usage;
using Alarming.Storage.Alarms;
using Alarming.Storage.Outbox;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Usage;

/// <summary><see cref="IUsageStore"/> on the counter shards and pending outbox rows in each of a project's
/// partitions of the alarms table and the <c>usageprojects</c> table listing the projects that have counters.</summary>
internal sealed class UsageStore(TableClientFactory tables) : IUsageStore
{
    public async Task<AlarmUsage> ProjectUsageAsync(string? projectId, CancellationToken cancellationToken)
    {
        // Pending outbox rows sort just before the counters in each of the project's partitions; each carries
        // the usage its write moved and not yet folded in, so counters plus pending rows are exact at every instant.
        var filter = AlarmPartition.ProjectFilter(projectId) + " and " + TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxRow.Prefix} and RowKey lt {TableKey.PrefixEnd(UsageCounterRow.Prefix)}");
        var total = default(AlarmCounts);
        await foreach (var entity in tables.Alarms.QueryAsync<TableEntity>(filter, select: UsageCounterRow.Columns, cancellationToken: cancellationToken))
        {
            total += UsageCounterRow.Read(entity);
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
}
