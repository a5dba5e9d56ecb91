using System.Text.Json.Nodes;

namespace Alarming.Functions.Notification;

/// <summary>What the notifier needs to run an alarm's actions for its new state,
/// with a notification id that stays the same across redeliveries.</summary>
public sealed record NotifyAlarmMessage(
    string NotificationId,
    string AlarmId,
    string? AlarmName,
    string? Severity,
    string? ProjectId,
    string? UserId,
    string Previous,
    string Current,
    string Reason,
    JsonObject ReasonData,
    IReadOnlyList<string> Actions,
    DateTimeOffset Tick,
    int V = 1);
