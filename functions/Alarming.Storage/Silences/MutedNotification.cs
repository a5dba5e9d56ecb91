namespace Alarming.Storage.Silences;

/// <summary>A notification a silence kept from an alarm's receivers, remembered so it is sent once when the
/// silence ends (its <c>notify_on_expiry</c>) if the alarm is still in <see cref="State"/>.</summary>
/// <param name="NotificationId">The notification kept back, whose actions the notifier recorded <c>silenced</c>.</param>
/// <param name="ReasonData">The notification's <c>reason_data</c>, as JSON text.</param>
/// <param name="Version">The row's version, for the conditional removal.</param>
public sealed record MutedNotification(
    string SilenceId,
    string ProjectId,
    string AlarmId,
    string NotificationId,
    string Previous,
    string State,
    string Reason,
    string ReasonData,
    DateTimeOffset MutedAt,
    string? Version = null);
