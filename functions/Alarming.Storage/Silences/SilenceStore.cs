using Alarming.Core.Silences;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Silences;

/// <summary><see cref="ISilenceStore"/> on the <c>silences</c> table: PartitionKey = project id, RowKey =
/// silence id, so the notifier reads a project's silences in one small partition read.</summary>
/// <remarks><c>Until</c> is when the silence ends for good (a far date for a recurring one without an end),
/// so the open ones are a filter on the partition.</remarks>
internal sealed class SilenceStore(TableClientFactory tables) : ISilenceStore
{
    private static readonly DateTimeOffset NoEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private TableClient Silences => tables.Silences;

    public Task AddAsync(Silence silence, CancellationToken cancellationToken) => Silences.AddEntityAsync(Entity(silence), cancellationToken);

    public Task<IReadOnlyList<Silence>> ListAsync(string? projectId, CancellationToken cancellationToken) =>
        QueryAsync(projectId is null ? null : $"PartitionKey eq {TableKey.Quote(TableKey.Encode(projectId))}", cancellationToken);

    public Task<IReadOnlyList<Silence>> ListOpenAsync(string projectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(projectId)} and Until gt {now}"), cancellationToken);

    public async Task<Silence?> FindAsync(string silenceId, string? projectId, CancellationToken cancellationToken)
    {
        if (projectId is not null)
        {
            var row = await Silences.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(projectId), TableKey.Encode(silenceId),
                cancellationToken: cancellationToken);
            return row.HasValue ? From(row.Value!) : null;
        }
        return (await QueryAsync($"RowKey eq {TableKey.Quote(TableKey.Encode(silenceId))}", cancellationToken)).FirstOrDefault();
    }

    public async Task<Silence> EndAsync(Silence silence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await Silences.UpdateEntityAsync(new TableEntity(TableKey.Encode(silence.ProjectId), TableKey.Encode(silence.SilenceId))
            {
                ["EndsAt"] = at, ["Until"] = at,
            }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed by retention meanwhile: ended long ago.
        }
        return silence with { EndsAt = at };
    }

    public Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Silences.DeleteWhereAsync(TableClient.CreateQueryFilter($"Until lt {before}"), cancellationToken);

    private async Task<IReadOnlyList<Silence>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var silences = new List<Silence>();
        await foreach (var row in Silences.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            silences.Add(From(row));
        }
        return silences;
    }

    private static TableEntity Entity(Silence silence) => new(TableKey.Encode(silence.ProjectId), TableKey.Encode(silence.SilenceId))
    {
        ["SilenceId"] = silence.SilenceId, ["ProjectId"] = silence.ProjectId, ["UserId"] = silence.UserId, ["Comment"] = silence.Comment,
        ["Filter"] = silence.Filter, ["StartsAt"] = silence.StartsAt, ["EndsAt"] = silence.EndsAt, ["Until"] = silence.EndsAt ?? NoEnd,
        ["ScheduleStart"] = silence.Schedule?.Start, ["ScheduleDuration"] = silence.Schedule?.Duration, ["ScheduleTimezone"] = silence.Schedule?.Timezone,
        ["NotifyResolved"] = silence.NotifyResolved, ["NotifyOnExpiry"] = silence.NotifyOnExpiry, ["CreatedAt"] = silence.CreatedAt,
    };

    private static Silence From(TableEntity row) => new(row.GetString("SilenceId"), row.GetString("ProjectId"), row.GetString("UserId"),
        row.GetString("Comment"), row.GetString("Filter"), row.GetDateTimeOffset("StartsAt") ?? default, row.GetDateTimeOffset("EndsAt"),
        row.GetString("ScheduleStart") is { } start
            ? new SilenceSchedule(start, row.GetInt64("ScheduleDuration") ?? 0, row.GetString("ScheduleTimezone") ?? "")
            : null,
        row.GetBoolean("NotifyResolved") ?? true, row.GetBoolean("NotifyOnExpiry") ?? true, row.GetDateTimeOffset("CreatedAt") ?? default);
}
