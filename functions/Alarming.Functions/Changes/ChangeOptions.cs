namespace Alarming.Functions.Changes;

/// <summary>Alarm change events (section <c>Changes</c>).</summary>
public sealed class ChangeOptions
{
    public const string SectionName = "Changes";

    /// <summary>The Storage queue that receives change events; empty turns them off.</summary>
    public string Queue { get; set; } = "alarm-changes";

    /// <summary>How old a pending change must be before the sweep finishes it in place of the
    /// writer, which normally does so within milliseconds.</summary>
    public int SweepAfterSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrEmpty(Queue);
}
