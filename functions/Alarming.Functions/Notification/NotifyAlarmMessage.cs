using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Alarming.Core.Silences;

namespace Alarming.Functions.Notification;

/// <summary>What the notifier needs to run an alarm's actions for its new state,
/// with a notification id that stays the same across redeliveries. <see cref="Type"/>, <see cref="Enabled"/> and
/// <see cref="RepeatActions"/> are what silences match besides the fields above (absent from older messages).</summary>
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
    int V = 1,
    string? Type = null,
    bool? Enabled = null,
    bool? RepeatActions = null)
{
    /// <summary>The alarm as a silence's filter sees it, in the notified state.</summary>
    [JsonIgnore]
    public SilenceTarget Target => new(AlarmId, AlarmName, Type, Severity, Current, Enabled, RepeatActions, UserId, ProjectId);
}
