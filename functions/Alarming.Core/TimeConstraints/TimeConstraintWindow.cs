
namespace Alarming.Core.TimeConstraints;

/// <summary>Recurring windows of a cron start and a duration: whether an alarm may be evaluated now (its time
/// constraints), and the window a recurring silence is in.</summary>
public static class TimeConstraintWindow
{
    /// <summary>Aodh counts an evaluation up to a minute before a start as inside.</summary>
    public static readonly TimeSpan EarlyAllowance = TimeSpan.FromSeconds(60);

    /// <summary>No constraints = always inside; otherwise inside any one of them.</summary>
    public static bool IsInside(IReadOnlyList<TimeConstraint> constraints, DateTimeOffset now) =>
        constraints.Count == 0 || constraints.Any(c => IsInside(c, now));

    /// <remarks>Aodh takes P = the last start before now and N = the next one, and is inside when
    /// N − now &lt; 60 s or now ≤ P + duration. The second holds exactly when some start lies in
    /// [now − duration, now), so no backwards cron search is needed.</remarks>
    public static bool IsInside(TimeConstraint constraint, DateTimeOffset now)
    {
        if (!CronSchedule.TryParse(constraint.Start, out var cron, out _) || !TimeZones.TryFind(constraint.Timezone, out var zone))
        {
            return false;
        }
        var next = cron!.GetNextOccurrence(now, zone, inclusive: true);
        if (next is { } n && n - now < EarlyAllowance)
        {
            return true;
        }
        var recent = cron.GetNextOccurrence(now - TimeSpan.FromSeconds(constraint.Duration), zone, inclusive: true);
        return recent is { } r && r < now;
    }

    /// <summary>The end of a window [start, start + duration) of <paramref name="start"/> (cron) holding
    /// <paramref name="now"/>, or null when none does. Without Aodh's early allowance: a window that mutes
    /// (a silence's) starts when it says.</summary>
    /// <remarks>The earliest such start is the first one after now − duration; windows that overlap it are
    /// found again when this one ends.</remarks>
    public static DateTimeOffset? EndOfWindow(string start, long duration, string? timezone, DateTimeOffset now)
    {
        if (!CronSchedule.TryParse(start, out var cron, out _) || !TimeZones.TryFind(timezone, out var zone))
        {
            return null;
        }
        // Clamped so that no duration can overflow the arithmetic below (a year is the most a silence's parser lets through).
        var length = TimeSpan.FromSeconds(Math.Clamp(duration, 0, 3660L * 24 * 3600));
        return cron!.GetNextOccurrence(now - length, zone, inclusive: false) is { } first && first <= now ? first + length : null;
    }
}
