using Alarming.Core.Alarms;

namespace Alarming.Storage.Alarms;

/// <summary>An alarm as read, with the version it was read at: updates are conditional on it.</summary>
public sealed record StoredAlarm(Alarm Alarm, string Version);
