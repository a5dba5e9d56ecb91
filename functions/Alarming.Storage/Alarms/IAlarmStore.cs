using Alarming.Core.Alarms;
using Alarming.Storage.Outbox;

namespace Alarming.Storage.Alarms;

/// <summary>Alarms in Table storage. Every change is conditional on the version read, so
/// concurrent writers never lose a write: the loser gets <see cref="WriteOutcome.Conflict"/>.</summary>
public interface IAlarmStore
{
    /// <summary>Finds an alarm by id in one project, or in any project when <paramref name="projectId"/> is null.</summary>
    Task<StoredAlarm?> FindAsync(string alarmId, string? projectId, CancellationToken cancellationToken);

    /// <summary>Reads many alarms, by project and id, in a few queries; the answer is keyed by alarm id
    /// and leaves out those that do not exist.</summary>
    Task<IReadOnlyDictionary<string, StoredAlarm>> FindManyAsync(IEnumerable<(string? ProjectId, string AlarmId)> alarms,
        CancellationToken cancellationToken);

    /// <summary>All alarms of one project, or of every project when <paramref name="projectId"/> is null.</summary>
    Task<IReadOnlyList<Alarm>> ListAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>Creates the alarm, claims its name and writes its outbox entry in one transaction.</summary>
    Task<WriteOutcome> CreateAsync(Alarm alarm, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="stored"/> with <paramref name="updated"/> if unchanged since read,
    /// with the write's outbox entry when there is one.</summary>
    Task<WriteOutcome> ReplaceAsync(StoredAlarm stored, Alarm updated, OutboxEntry? entry, CancellationToken cancellationToken);

    /// <summary>Stores an evaluation's outcome (state fields and bookkeeping), and its outbox entry,
    /// if the alarm is unchanged since read; returns the new version when written.</summary>
    Task<(WriteOutcome Outcome, string? Version)> RecordEvaluationAsync(StoredAlarm stored, Alarm updated, EvaluationMark mark,
        OutboxEntry? entry, CancellationToken cancellationToken);

    /// <summary><see cref="RecordEvaluationAsync"/> for many alarms: the writes of one partition share
    /// entity-group transactions, and a transaction that fails is redone write by write, so each
    /// outcome is that write's own. Outcomes come in the order of <paramref name="writes"/>.</summary>
    Task<IReadOnlyList<(WriteOutcome Outcome, string? Version)>> RecordEvaluationsAsync(IReadOnlyList<EvaluationWrite> writes,
        CancellationToken cancellationToken);

    /// <summary>The rules of the project's enabled event alarms: one small range of the project, whatever else it holds.</summary>
    Task<IReadOnlyList<EventAlarmRule>> ListEventAlarmsAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>Every enabled alarm, as read (one scan of the table: what a fan-out needs).</summary>
    Task<IReadOnlyList<StoredAlarm>> ListEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the alarm if unchanged since read, writing the deletion's outbox entry.</summary>
    Task<WriteOutcome> DeleteAsync(StoredAlarm stored, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Alarms of a project, enabled or not.</summary>
    Task<int> CountByProjectAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>Alarms owned by a user in any project, enabled or not.</summary>
    Task<int> CountByUserAsync(string? userId, CancellationToken cancellationToken);
}
