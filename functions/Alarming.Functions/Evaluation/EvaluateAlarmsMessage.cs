using Alarming.Storage.Alarms;

namespace Alarming.Functions.Evaluation;

/// <summary>One shard of a tick's fan-out: the alarms to evaluate as of <see cref="Tick"/>, and those
/// of them the fan-out read, as it read them.</summary>
/// <remarks>The tick travels in the message, so a redelivered message is judged as of its own tick.
/// An alarm in <see cref="Read"/> is not read again: every write is conditional on the version read,
/// so one that changed since loses its write and is read anew; <see cref="Read"/> may leave out any
/// alarm (one too large for a message, or a message from an older fan-out), which is then read.</remarks>
public sealed record EvaluateAlarmsMessage(DateTimeOffset Tick, IReadOnlyList<AlarmAddress> Alarms, IReadOnlyList<StoredAlarm>? Read = null, int V = 1);
