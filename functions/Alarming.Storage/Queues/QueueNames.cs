namespace Alarming.Storage.Queues;

/// <summary>The service's queues (DESIGN.md §3); each has a <c>-poison</c> twin made on demand.</summary>
public static class QueueNames
{
    public const string Evaluate = "alarm-evaluate";
    public const string Notify = "alarm-notify";
    public const string Events = "alarm-events";

    public static readonly IReadOnlyList<string> All = [Evaluate, Notify, Events];
}
