using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Usage;
using Alarming.Storage.Outbox;
using Alarming.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Alarming.Storage.Alarms;

/// <summary><see cref="IAlarmStore"/> on two tables: <c>alarms</c> (PartitionKey = one of the
/// project's <see cref="AlarmPartition"/>s, RowKey = alarm id, plus one <c>name:</c> row per alarm
/// claiming its name in the project, and one <c>on-event:</c> row per enabled event alarm holding its
/// rule) and <c>alarmids</c> (which partition holds each alarm). A write's <see cref="OutboxEntry"/> row
/// joins the alarm's transaction; index, outbox and usage counter rows sort after the name rows.</summary>
internal sealed class AlarmStore(TableClientFactory tables, TimeProvider time) : IAlarmStore
{
    /// <summary>How long a project's event-alarm index, once read, serves the events that follow.</summary>
    /// <remarks>A burst of events for one project then costs one range read, not one each. This store's
    /// own writes drop the project's copy at once; another instance's show within this time (Aodh's
    /// evaluator caches for 60 s). Firing re-reads the alarm, so a stale copy never fires a deleted,
    /// disabled or changed alarm: at most a new or newly matching one fires that much later.</remarks>
    private static readonly TimeSpan EventIndexFreshness = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (Task<IReadOnlyList<EventAlarmRule>> Rules, DateTimeOffset ReadAt)> eventIndexes = new();

    /// <remarks>Alarm ids are generated UUIDs (hex), so every alarm row sorts before the name rows.</remarks>
    private const string NamePrefix = "name:";

    /// <summary>Between the name rows and the outbox rows, so neither range reads them.</summary>
    private const string EventIndexPrefix = "on-event:";

    private TableClient Alarms => tables.Alarms;
    private TableClient AlarmIds => tables.AlarmIds;

    public async Task<StoredAlarm?> FindAsync(string alarmId, string? projectId, CancellationToken cancellationToken)
    {
        var rowKey = TableKey.Encode(alarmId);
        if (!IsAlarmRowKey(rowKey))
        {
            return null;
        }
        // A rename can move the alarm to another partition between the two reads: then look again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var location = await AlarmIds.GetEntityIfExistsAsync<TableEntity>(rowKey, "", cancellationToken: cancellationToken);
            var partition = location.HasValue ? location.Value!.GetString("Partition") ?? "" : null;
            if (partition is null || (projectId is not null && !AlarmPartition.IsOfProject(partition, projectId)))
            {
                return null;
            }
            var entity = await Alarms.GetEntityIfExistsAsync<AlarmEntity>(partition, rowKey, cancellationToken: cancellationToken);
            if (entity.HasValue)
            {
                return new StoredAlarm(entity.Value!.ToAlarm(), entity.Value.ETag.ToString(), entity.Value.Mark);
            }
        }
        return null;
    }

    /// <summary>Alarm rows share the table with name, outbox and counter rows, which all sort
    /// after them; an id that would read as one of those is no alarm.</summary>
    private static bool IsAlarmRowKey(string rowKey) => rowKey.Length > 0 && string.CompareOrdinal(rowKey, NamePrefix) < 0;

    public async Task<IReadOnlyDictionary<string, StoredAlarm>> FindManyAsync(
        IEnumerable<(string? ProjectId, string AlarmId)> alarms, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, StoredAlarm>();
        await Parallel.ForEachAsync(alarms.DistinctBy(a => a.AlarmId), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (alarm, ct) =>
            {
                if (await FindAsync(alarm.AlarmId, alarm.ProjectId, ct) is { } stored)
                {
                    found[alarm.AlarmId] = stored;
                }
            });
        return found;
    }

    public async Task<IReadOnlyList<Alarm>> ListAsync(string? projectId, CancellationToken cancellationToken)
    {
        var filter = $"RowKey lt {TableKey.Quote(NamePrefix)}";
        if (projectId is not null)
        {
            filter = $"{AlarmPartition.ProjectFilter(projectId)} and {filter}";
        }
        var alarms = new List<Alarm>();
        await foreach (var entity in Alarms.QueryAsync<AlarmEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            alarms.Add(entity.ToAlarm());
        }
        return alarms;
    }

    public async Task<WriteOutcome> CreateAsync(Alarm alarm, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var entity = AlarmEntity.From(alarm);
        await AlarmIds.UpsertEntityAsync(Location(entity), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await Alarms.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, entity),
                new TableTransactionAction(TableTransactionActionType.Add, NameRow(entity.PartitionKey, alarm)),
                new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.From(entry)),
                .. IndexChanges(null, entity.PartitionKey, alarm),
            ], cancellationToken);
            ForgetEventIndexes(null, alarm);
            return WriteOutcome.Written;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await AlarmIds.DeleteEntityAsync(entity.RowKey, "", cancellationToken: cancellationToken);
            return WriteOutcome.NameTaken;
        }
    }

    public async Task<WriteOutcome> ReplaceAsync(StoredAlarm stored, Alarm updated, OutboxEntry? entry, CancellationToken cancellationToken)
    {
        var old = stored.Alarm;
        var entity = AlarmEntity.From(updated).WithMark(stored.Mark);
        var oldPartition = AlarmPartition.Of(old);
        if (entity.PartitionKey != oldPartition)
        {
            try
            {
                return await MoveAsync(stored, entity, updated, entry, cancellationToken);
            }
            finally
            {
                ForgetEventIndexes(old, updated);
            }
        }
        entity.ETag = new ETag(stored.Version);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, entity, entity.ETag) };
        if (old.Name != updated.Name)
        {
            actions.Add(new(TableTransactionActionType.Delete, NameRow(oldPartition, old), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, NameRow(entity.PartitionKey, updated)));
        }
        actions.AddRange(IndexChanges(old, entity.PartitionKey, updated));
        if (entry is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, OutboxRow.From(entry)));
        }
        var outcome = await SubmitAsync(actions, cancellationToken);
        ForgetEventIndexes(old, updated);
        return outcome;
    }

    public async Task<(WriteOutcome Outcome, string? Version)> RecordEvaluationAsync(StoredAlarm stored, Alarm updated, EvaluationMark mark,
        OutboxEntry? entry, CancellationToken cancellationToken)
    {
        var entity = AlarmEntity.From(updated).WithMark(mark);
        if (entry is not null)
        {
            try
            {
                var responses = await Alarms.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(stored.Version)),
                    new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.From(entry)),
                ], cancellationToken);
                return (WriteOutcome.Written, responses.Value[0].Headers.ETag?.ToString());
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404 or 409)
            {
                return (WriteOutcome.Conflict, null);
            }
        }
        try
        {
            var response = await Alarms.UpdateEntityAsync(entity, new ETag(stored.Version), TableUpdateMode.Replace, cancellationToken);
            return (WriteOutcome.Written, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return (WriteOutcome.Conflict, null);
        }
    }

    public async Task<IReadOnlyList<(WriteOutcome Outcome, string? Version)>> RecordEvaluationsAsync(IReadOnlyList<EvaluationWrite> writes,
        CancellationToken cancellationToken)
    {
        var outcomes = new (WriteOutcome Outcome, string? Version)[writes.Count];
        var indexed = writes.Select((write, index) => (Write: write, Index: index));
        foreach (var partition in indexed.GroupBy(w => AlarmPartition.Of(w.Write.Stored.Alarm)))
        {
            foreach (var chunk in TransactionChunks(partition.ToList()))
            {
                if (chunk.Count == 1 || !await TryRecordTogetherAsync(chunk, outcomes, cancellationToken))
                {
                    foreach (var (write, index) in chunk)
                    {
                        outcomes[index] = await RecordEvaluationAsync(write.Stored, write.Updated, write.Mark, write.Entry, cancellationToken);
                    }
                }
            }
        }
        return outcomes;
    }

    /// <summary>A transaction holds 100 actions and 4 MiB: an alarm row and its entry row take two
    /// actions, and rarely more than a few KiB each.</summary>
    private static IEnumerable<List<(EvaluationWrite Write, int Index)>> TransactionChunks(List<(EvaluationWrite Write, int Index)> writes)
    {
        var chunk = new List<(EvaluationWrite Write, int Index)>();
        var actions = 0;
        foreach (var write in writes)
        {
            var needed = write.Write.Entry is null ? 1 : 2;
            if (actions + needed > 100)
            {
                yield return chunk;
                chunk = [];
                actions = 0;
            }
            chunk.Add(write);
            actions += needed;
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <returns>False when the transaction failed as a whole (one alarm changed since read, say): nothing was written.</returns>
    private async Task<bool> TryRecordTogetherAsync(List<(EvaluationWrite Write, int Index)> chunk, (WriteOutcome, string?)[] outcomes,
        CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        var alarmActions = new List<(int Action, int Index)>();
        foreach (var (write, index) in chunk)
        {
            alarmActions.Add((actions.Count, index));
            var entity = AlarmEntity.From(write.Updated).WithMark(write.Mark);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(write.Stored.Version)));
            if (write.Entry is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.From(write.Entry)));
            }
        }
        try
        {
            var responses = await Alarms.SubmitTransactionAsync(actions, cancellationToken);
            foreach (var (action, index) in alarmActions)
            {
                outcomes[index] = (WriteOutcome.Written, responses.Value[action].Headers.ETag?.ToString());
            }
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StoredAlarm>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        var enabled = new List<StoredAlarm>();
        await foreach (var entity in Alarms.QueryAsync<AlarmEntity>($"Enabled eq true and RowKey lt {TableKey.Quote(NamePrefix)}",
                           maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            enabled.Add(new StoredAlarm(entity.ToAlarm(), entity.ETag.ToString(), entity.Mark));
        }
        return enabled;
    }

    public async Task<WriteOutcome> DeleteAsync(StoredAlarm stored, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var partition = AlarmPartition.Of(stored.Alarm);
        var outcome = await SubmitAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity(partition, TableKey.Encode(stored.Alarm.AlarmId)), new ETag(stored.Version)),
            new(TableTransactionActionType.Delete, NameRow(partition, stored.Alarm), ETag.All),
            new(TableTransactionActionType.Add, OutboxRow.From(entry)),
            .. IndexChanges(stored.Alarm, partition, null),
        ], cancellationToken);
        ForgetEventIndexes(stored.Alarm, null);
        if (outcome == WriteOutcome.Written)
        {
            await AlarmIds.DeleteEntityAsync(TableKey.Encode(stored.Alarm.AlarmId), "", cancellationToken: cancellationToken);
        }
        return outcome;
    }

    public async Task<int> CountByProjectAsync(string? projectId, CancellationToken cancellationToken) =>
        await CountAsync($"{AlarmPartition.ProjectFilter(projectId)} and RowKey lt {TableKey.Quote(NamePrefix)}", cancellationToken);

    public async Task<int> CountByUserAsync(string? userId, CancellationToken cancellationToken) =>
        await CountAsync(userId is null
            ? $"RowKey lt {TableKey.Quote(NamePrefix)} and not (UserId ne '')"
            : $"RowKey lt {TableKey.Quote(NamePrefix)} and UserId eq {TableKey.Quote(userId)}", cancellationToken);

    private async Task<int> CountAsync(string filter, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>A rename (to a name of another partition) or an admin's move to another project: the
    /// row changes partition, which no transaction spans. Claim the new place first (the name may be
    /// taken), point <c>alarmids</c> at it, then remove the old row if unchanged; on a conflict undo
    /// the claim so the caller can retry. The entry goes with the new row; on a move to another
    /// project the old project's counters get their own outbox entry with the removal, finished by the sweep.</summary>
    private async Task<WriteOutcome> MoveAsync(StoredAlarm stored, AlarmEntity entity, Alarm updated, OutboxEntry? entry,
        CancellationToken cancellationToken)
    {
        List<TableTransactionAction> claim =
        [
            new(TableTransactionActionType.Add, entity),
            new(TableTransactionActionType.Add, NameRow(entity.PartitionKey, updated)),
            .. IndexChanges(null, entity.PartitionKey, updated),
        ];
        if (entry is not null)
        {
            claim.Add(new(TableTransactionActionType.Add, OutboxRow.From(entry)));
        }
        var added = await SubmitAsync(claim, cancellationToken);
        if (added != WriteOutcome.Written)
        {
            return added == WriteOutcome.Conflict ? WriteOutcome.NameTaken : added;
        }
        // Readers find the alarm at the new place from here on; the old row goes next.
        await AlarmIds.UpsertEntityAsync(Location(entity), TableUpdateMode.Replace, cancellationToken);
        var oldPartition = AlarmPartition.Of(stored.Alarm);
        List<TableTransactionAction> removal =
        [
            new(TableTransactionActionType.Delete, new TableEntity(oldPartition, entity.RowKey), new ETag(stored.Version)),
            new(TableTransactionActionType.Delete, NameRow(oldPartition, stored.Alarm), ETag.All),
            .. IndexChanges(stored.Alarm, oldPartition, null),
        ];
        // Within the project the new entry moves the counts already; across projects the old one loses the alarm.
        if (stored.Alarm.ProjectId != updated.ProjectId)
        {
            var left = new OutboxEntry((entry?.Id ?? Guid.NewGuid().ToString()) + ".left", updated.AlarmId, stored.Alarm.ProjectId,
                stored.Alarm.Name, entry?.CreatedAt ?? DateTimeOffset.UtcNow, AlarmCounts.Of(stored.Alarm, updated, stored.Alarm.ProjectId), null, []);
            removal.Add(new(TableTransactionActionType.Add, OutboxRow.From(left)));
        }
        if (await SubmitAsync(removal, cancellationToken) != WriteOutcome.Written)
        {
            List<TableTransactionAction> undo =
            [
                new(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, entity.RowKey), ETag.All),
                new(TableTransactionActionType.Delete, NameRow(entity.PartitionKey, updated), ETag.All),
                .. IndexChanges(updated, entity.PartitionKey, null),
            ];
            if (entry is not null)
            {
                undo.Add(new(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, OutboxRow.RowKey(entry.Id)), ETag.All));
            }
            await Alarms.SubmitTransactionAsync(undo, cancellationToken);
            await AlarmIds.UpsertEntityAsync(new TableEntity(entity.RowKey, "") { ["Partition"] = oldPartition }, TableUpdateMode.Replace,
                cancellationToken);
            return WriteOutcome.Conflict;
        }
        return WriteOutcome.Written;
    }

    private async Task<WriteOutcome> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Alarms.SubmitTransactionAsync(actions, cancellationToken);
            return WriteOutcome.Written;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } index &&
                                                        actions[index].ActionType == TableTransactionActionType.Delete &&
                                                        actions[index].Entity.RowKey.StartsWith(EventIndexPrefix, StringComparison.Ordinal))
        {
            // An event alarm stored before event alarms had an index has no row to remove: the rest still applies.
            return await SubmitAsync([.. actions.Where((_, i) => i != index)], cancellationToken);
        }
        catch (TableTransactionFailedException e)
        {
            // 412/404 on the alarm row: it changed or went since read; 409 on a name row: taken.
            var failedAction = e.FailedTransactionActionIndex is { } index ? actions[index] : null;
            var onNameRow = failedAction?.Entity.RowKey.StartsWith(NamePrefix, StringComparison.Ordinal) == true;
            return e.Status == 409 && onNameRow && failedAction!.ActionType == TableTransactionActionType.Add
                ? WriteOutcome.NameTaken
                : WriteOutcome.Conflict;
        }
    }

    public async Task<IReadOnlyList<EventAlarmRule>> ListEventAlarmsAsync(string? projectId, CancellationToken cancellationToken)
    {
        var key = TableKey.Encode(projectId);
        var now = time.GetUtcNow();
        if (!eventIndexes.TryGetValue(key, out var cached) || now - cached.ReadAt >= EventIndexFreshness || cached.Rules.IsFaulted || cached.Rules.IsCanceled)
        {
            if (eventIndexes.Count > 10_000)
            {
                eventIndexes.Clear();
            }
            // The read is shared and not cancelled by one waiter; each waiter stops its own wait.
            cached = (ReadEventAlarmsAsync(projectId, CancellationToken.None), now);
            eventIndexes[key] = cached;
        }
        return await cached.Rules.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<EventAlarmRule>> ReadEventAlarmsAsync(string? projectId, CancellationToken cancellationToken)
    {
        var filter = $"{AlarmPartition.ProjectFilter(projectId)} and RowKey ge {TableKey.Quote(EventIndexPrefix)} and " +
                     $"RowKey lt {TableKey.Quote(TableKey.PrefixEnd(EventIndexPrefix))}";
        var rules = new List<EventAlarmRule>();
        await foreach (var row in Alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rules.Add(new EventAlarmRule(row.GetString("AlarmId"), projectId, JsonNode.Parse(row.GetString("Rule"))!.AsObject()));
        }
        return rules;
    }

    /// <summary>After a write that changed event alarms: the projects' index copies are stale (a read
    /// during the write may have kept the old state), so the next event reads afresh.</summary>
    private void ForgetEventIndexes(Alarm? before, Alarm? after)
    {
        foreach (var alarm in new[] { before, after })
        {
            if (alarm is not null && IsIndexed(alarm))
            {
                eventIndexes.TryRemove(TableKey.Encode(alarm.ProjectId), out _);
            }
        }
    }

    /// <summary>The index writes that keep a partition's <c>on-event:</c> rows equal to its enabled event alarms,
    /// in the same transaction as the alarm row (a null alarm: none before, or none after).</summary>
    /// <remarks>The row is in the partition given: on a move, the old one is left by the removal and the new one gets the claim.</remarks>
    private static IEnumerable<TableTransactionAction> IndexChanges(Alarm? before, string partition, Alarm? after)
    {
        var key = EventIndexPrefix + TableKey.Encode((after ?? before)!.AlarmId);
        if (after is not null && IsIndexed(after))
        {
            yield return new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, key)
            {
                ["AlarmId"] = after.AlarmId, ["Rule"] = after.Rule.ToJsonString(),
            });
        }
        else if (before is not null && IsIndexed(before))
        {
            yield return new(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All);
        }
    }

    private static bool IsIndexed(Alarm alarm) => alarm.Type == AlarmTypes.Event && alarm.IsEnabled;

    private static TableEntity NameRow(string partition, Alarm alarm) =>
        new(partition, NamePrefix + Convert.ToHexStringLower(AlarmPartition.NameHash(alarm.Name))) { ["AlarmId"] = alarm.AlarmId };

    private static TableEntity Location(AlarmEntity entity) => new(entity.RowKey, "") { ["Partition"] = entity.PartitionKey };
}
