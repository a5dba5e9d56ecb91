using Alarming.Core.History;
using Alarming.Core.Usage;

namespace Alarming.Storage.Outbox;

/// <summary>Everything one alarm write owes beyond the alarm row: its history entry, its change
/// events (rendered, message ids fixed), its notification (the <c>alarm-notify</c> message as JSON
/// text) and its move of the project's usage counters.</summary>
/// <remarks>Written in the same entity-group transaction as the alarm row, so a crash after the
/// write loses none of it. Finishing it deletes it in one transaction with the counter update, so
/// nothing is counted twice; every other effect carries an id derived from its cause, so doing it
/// twice leaves one history row and sends recognisable copies.</remarks>
/// <param name="ProjectId">The project whose counters move.</param>
/// <param name="AlarmName">The alarm's name as written: with the project it places the row in the alarm's partition.</param>
public sealed record OutboxEntry(
    string Id,
    string AlarmId,
    string? ProjectId,
    string? AlarmName,
    DateTimeOffset CreatedAt,
    AlarmCounts Usage,
    AlarmChange? History,
    IReadOnlyList<string> Events,
    string? Notification = null)
{
    /// <summary>True when finishing it would do nothing: no row needs writing.</summary>
    public bool IsEmpty => Usage.IsZero && History is null && Events.Count == 0 && Notification is null;
}
