namespace Alarming.Core.Alarms;

/// <summary>The tri-state of an alarm, spelled as on the wire (note the space).</summary>
public static class AlarmStates
{
    public const string Ok = "ok";
    public const string Alarm = "alarm";
    public const string InsufficientData = "insufficient data";

    public static readonly IReadOnlyList<string> All = [Ok, Alarm, InsufficientData];

    public static bool IsValid(string? state) => state is Ok or Alarm or InsufficientData;
}
