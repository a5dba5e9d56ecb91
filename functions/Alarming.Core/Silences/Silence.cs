using Alarming.Core.Alarms;
using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Silences;

/// <summary>A silence: mutes the notifications of its project's alarms that <see cref="Filter"/> matches,
/// from <see cref="StartsAt"/> until <see cref="EndsAt"/>, or in the windows of <see cref="Schedule"/>.</summary>
/// <param name="Filter">The complex-query filter as given, in its stored JSON text.</param>
/// <param name="EndsAt">When it ends for good; null only for a recurring silence that runs until deleted
/// (deleting sets it to the moment of deletion).</param>
public sealed record Silence(
    string SilenceId,
    string ProjectId,
    string? UserId,
    string? Comment,
    string Filter,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    SilenceSchedule? Schedule,
    bool NotifyResolved,
    bool NotifyOnExpiry,
    DateTimeOffset CreatedAt)
{
    /// <summary>The moment it stops muting for good; the end of time for a recurring silence without an end.</summary>
    public DateTimeOffset Until => EndsAt ?? DateTimeOffset.MaxValue;

    public string StateAt(DateTimeOffset now)
    {
        if (now >= Until)
        {
            return SilenceStates.Expired;
        }
        return ActiveUntil(now) is null ? SilenceStates.Pending : SilenceStates.Active;
    }

    /// <summary>When the muting that holds at <paramref name="now"/> ends: <see cref="EndsAt"/> for a one-off
    /// silence, the end of the current window (never after <see cref="EndsAt"/>) for a recurring one; null
    /// when it does not mute at <paramref name="now"/>.</summary>
    public DateTimeOffset? ActiveUntil(DateTimeOffset now)
    {
        if (now < StartsAt || now >= Until)
        {
            return null;
        }
        if (Schedule is not { } schedule)
        {
            return Until;
        }
        return TimeConstraintWindow.EndOfWindow(schedule.Start, schedule.Duration, schedule.Timezone, now) is { } end
            ? (end < Until ? end : Until)
            : null;
    }

    /// <summary>Whether it mutes a notification of a move to <paramref name="state"/>: a recovery to <c>ok</c>
    /// goes through unless <see cref="NotifyResolved"/> is off.</summary>
    public bool Mutes(string state) => state != AlarmStates.Ok || !NotifyResolved;
}
