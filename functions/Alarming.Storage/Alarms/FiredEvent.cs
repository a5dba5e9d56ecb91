namespace Alarming.Storage.Alarms;

/// <summary>An event that fired an event alarm, by its <c>message_id</c>, and when.</summary>
public sealed record FiredEvent(string MessageId, DateTimeOffset At);
