namespace Alarming.Functions.Evaluation;

/// <summary>One shard of a tick's fan-out: the alarms to evaluate as of <see cref="Tick"/>, and
/// (<see cref="Carried"/>, see <see cref="CarriedAlarms"/>) those of them the fan-out read, as it read them.</summary>
/// <remarks>The tick travels in the message, so a redelivered message is judged as of its own tick.
/// A carried alarm is not read again: every write is conditional on the version read, so one that
/// changed since loses its write and is read anew. Any alarm may be left out of <see cref="Carried"/>
/// (one too large for a message, or a message from an older fan-out); the evaluator reads it.</remarks>
public sealed record EvaluateAlarmsMessage(DateTimeOffset Tick, IReadOnlyList<AlarmAddress> Alarms, string? Carried = null, int V = 1);
