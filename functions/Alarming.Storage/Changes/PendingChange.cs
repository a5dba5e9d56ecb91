using Alarming.Core.History;
using Alarming.Core.Usage;

namespace Alarming.Storage.Changes;

/// <summary>What an alarm change owes beyond the alarm row: its history entry, its change events
/// (rendered, ids fixed) and its move of the project's usage counters. It is written in the same
/// transaction as the alarm row, so a crash after the write loses none of it; finishing it
/// deletes it together with the counter update, so nothing is counted twice.</summary>
/// <param name="ProjectId">The project whose partition holds the row and whose counters move.</param>
public sealed record PendingChange(
    string Id,
    string AlarmId,
    string? ProjectId,
    DateTimeOffset CreatedAt,
    AlarmCounts Usage,
    AlarmChange? History,
    IReadOnlyList<string> Events);
