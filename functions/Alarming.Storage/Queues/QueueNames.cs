namespace Alarming.Storage.Queues;

/// <summary>The service's queues, every name in one place; each has a <c>-poison</c> twin made on demand.</summary>
public static class QueueNames
{
    public const string Evaluate = "alarm-evaluate";
    public const string Notify = "alarm-notify";
    public const string Events = "alarm-events";

    /// <summary>The conventional <c>Changes__Queue</c>, where change events go when turned on.</summary>
    public const string Changes = "alarm-changes";

    /// <summary>The queues the service reads, made at start.</summary>
    public static readonly IReadOnlyList<string> All = [Evaluate, Notify, Events];
}
