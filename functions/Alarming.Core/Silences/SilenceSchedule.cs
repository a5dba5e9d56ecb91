namespace Alarming.Core.Silences;

/// <summary>A recurring silence's windows: from each <see cref="Start"/> (cron, as a time constraint's)
/// for <see cref="Duration"/> seconds, in <see cref="Timezone"/> (empty = UTC).</summary>
public sealed record SilenceSchedule(string Start, long Duration, string Timezone);
