namespace Alarming.Core.TimeConstraints;

/// <summary>A window in which the alarm is evaluated: from each <see cref="Start"/> (cron) for
/// <see cref="Duration"/> seconds, in <see cref="Timezone"/> (empty = UTC).</summary>
public sealed record TimeConstraint(string Name, string Description, string Start, long Duration, string Timezone);
