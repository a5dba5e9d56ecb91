using Alarming.Core.Alarms;

namespace Alarming.Core.Usage;

/// <summary>Alarms counted in total and by state: a project's usage, or how one change moves it.</summary>
public readonly record struct AlarmCounts(int Total, int Alarm, int Ok, int InsufficientData)
{
    public bool IsZero => this == default;

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/> (null: absent)
    /// as seen by <paramref name="projectId"/>'s counters: an alarm moved to another project
    /// leaves one project and enters the other.</summary>
    public static AlarmCounts Of(Alarm? before, Alarm? after, string? projectId) =>
        Counted(after, projectId) - Counted(before, projectId);

    private static AlarmCounts Counted(Alarm? alarm, string? projectId) =>
        alarm is null || alarm.ProjectId != projectId
            ? default
            : new AlarmCounts(1,
                alarm.State == AlarmStates.Alarm ? 1 : 0,
                alarm.State == AlarmStates.Ok ? 1 : 0,
                alarm.State == AlarmStates.InsufficientData ? 1 : 0);

    public static AlarmCounts operator +(AlarmCounts a, AlarmCounts b) =>
        new(a.Total + b.Total, a.Alarm + b.Alarm, a.Ok + b.Ok, a.InsufficientData + b.InsufficientData);

    public static AlarmCounts operator -(AlarmCounts a, AlarmCounts b) =>
        new(a.Total - b.Total, a.Alarm - b.Alarm, a.Ok - b.Ok, a.InsufficientData - b.InsufficientData);
}
