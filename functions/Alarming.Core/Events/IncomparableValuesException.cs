namespace Alarming.Core.Events;

/// <summary>Python's <c>TypeError</c> from ordering values of different kinds: the alarm being
/// evaluated does not fire, and the event goes on to the others.</summary>
public sealed class IncomparableValuesException(string message) : Exception(message);
