using Alarming.Core.Alarms;

namespace Alarming.Core.Silences;

/// <summary>What a silence's filter sees of an alarm: the fields a notification carries, so the notifier
/// decides without reading the alarm. <see cref="State"/> is the state being notified.</summary>
public sealed record SilenceTarget(
    string AlarmId,
    string? Name,
    string? Type,
    string? Severity,
    string State,
    bool? Enabled,
    bool? RepeatActions,
    string? UserId,
    string? ProjectId)
{
    public static SilenceTarget Of(Alarm alarm) => new(alarm.AlarmId, alarm.Name, alarm.Type, alarm.Severity, alarm.State,
        alarm.Enabled, alarm.RepeatActions, alarm.UserId, alarm.ProjectId);
}
