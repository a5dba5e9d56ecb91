namespace Alarming.Core.Events;

/// <summary>An event that cannot be evaluated: refused over HTTP (400), skipped on the queue.</summary>
public sealed class MalformedEventException(string message) : Exception(message);
