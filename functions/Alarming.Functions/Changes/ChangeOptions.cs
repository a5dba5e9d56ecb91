namespace Alarming.Functions.Changes;

/// <summary>Alarm change events (section <c>Changes</c>).</summary>
public sealed class ChangeOptions
{
    public const string SectionName = "Changes";

    /// <summary>The Storage queue that receives change events (<c>alarm-changes</c>, say); empty, the
    /// default, turns them off: Aodh sends none unless a notification driver is configured, and a
    /// queue nobody reads only grows.</summary>
    public string Queue { get; set; } = "";

    public bool Enabled => !string.IsNullOrEmpty(Queue);
}
