using Alarming.Storage.Queues;

namespace Alarming.Functions.Changes;

/// <summary>Alarm change events (section <c>Changes</c>).</summary>
public sealed class ChangeOptions
{
    public const string SectionName = "Changes";

    /// <summary>The Storage queue that receives change events; empty turns them off.</summary>
    public string Queue { get; set; } = QueueNames.Changes;

    public bool Enabled => !string.IsNullOrEmpty(Queue);
}
