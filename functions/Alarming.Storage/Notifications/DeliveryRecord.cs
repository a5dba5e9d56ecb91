namespace Alarming.Storage.Notifications;

/// <summary>One attempt of one action of a notification, as the delivery log keeps it.</summary>
/// <param name="Action">The action with its secrets (user info, query values) replaced by <c>***</c>.</param>
/// <param name="Outcome"><c>delivered</c>, <c>retrying</c>, <c>failed</c>, <c>refused</c>, <c>silenced</c>, <c>logged</c> or <c>queued</c>.</param>
/// <param name="SilenceId">The silence that kept it back, when <c>silenced</c>.</param>
public sealed record DeliveryRecord(
    string AlarmId,
    string? ProjectId,
    string NotificationId,
    int Attempt,
    int ActionIndex,
    string Action,
    string Previous,
    string Current,
    DateTimeOffset StartedAt,
    long DurationMs,
    string Outcome,
    int? StatusCode,
    string? Error,
    string? SilenceId = null);
