namespace Alarming.Storage.Silences;

/// <summary>A notification a silence kept from an alarm's receivers, remembered so it is sent once when the
/// silence ends (its <c>notify_on_expiry</c>) if the alarm is still in <see cref="State"/>.</summary>
/// <param name="WindowEnds">When the muting that kept it ends (the silence's end, or its current window's).</param>
/// <param name="ReasonData">The notification's <c>reason_data</c>, as JSON text.</param>
/// <param name="Version">The row's version, for the conditional update and removal.</param>
public sealed record MutedNotification(
    string SilenceId,
    string ProjectId,
    string AlarmId,
    string Previous,
    string State,
    string Reason,
    string ReasonData,
    DateTimeOffset MutedAt,
    DateTimeOffset WindowEnds,
    string? Version = null);
