namespace Alarming.Functions.Evaluation;

/// <summary>One shard of a tick's fan-out: the alarms to evaluate as of <see cref="Tick"/>.</summary>
/// <remarks>The tick travels in the message, so a redelivered message is judged as of its own tick.</remarks>
public sealed record EvaluateAlarmsMessage(DateTimeOffset Tick, IReadOnlyList<AlarmAddress> Alarms, int V = 1);
