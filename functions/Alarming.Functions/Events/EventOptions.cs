namespace Alarming.Functions.Events;

/// <summary>The <c>Events</c> settings: who may post events without an identity, and the project of events that name none.</summary>
public sealed class EventOptions
{
    public const string SectionName = "Events";

    /// <summary>A shared secret producers without an identity (Ceilometer's publisher, Event Grid) send as a bearer
    /// token, an <c>access_token</c> query parameter or a Basic password; empty turns this way off.</summary>
    public string IntakeSecret { get; set; } = "";

    /// <summary>The project of an event whose fields and sender name none (empty: such an event reaches only alarms of project "").</summary>
    public string DefaultProject { get; set; } = "";
}
