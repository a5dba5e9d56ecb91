using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Tests.TimeConstraints;

public sealed class TimeConstraintWindowTests
{
    private static bool Inside(string start, long duration, string timezone, string utcNow) =>
        TimeConstraintWindow.IsInside(new TimeConstraint("tc", "", start, duration, timezone), DateTimeOffset.Parse(utcNow + "Z"));

    [Theory]
    [InlineData("2026-01-05T10:59:59", true)]   // within the 60-second early allowance
    [InlineData("2026-01-05T11:00:00", true)]
    [InlineData("2026-01-05T11:05:00", true)]   // the end is inclusive
    [InlineData("2026-01-05T11:05:01", false)]
    [InlineData("2026-01-05T10:59:00", false)]
    public void DailyWindow_MatchesAodh(string now, bool inside) => Assert.Equal(inside, Inside("0 11 * * *", 300, "", now));

    [Theory]
    [InlineData("2026-01-05T11:00:00", true)]
    [InlineData("2026-01-05T11:00:30", false)]
    public void ZeroDuration_IsOnlyTheExactStart(string now, bool inside) => Assert.Equal(inside, Inside("0 11 * * *", 0, "", now));

    [Theory]
    [InlineData("2026-01-05T11:00:40", true)]
    [InlineData("2026-01-05T11:00:41", false)]
    public void SixthField_IsSeconds(string now, bool inside) => Assert.Equal(inside, Inside("0 11 * * * 30", 10, "", now));

    [Theory]
    [InlineData("2026-01-05T10:00:00", true)]   // 11:00 in Ljubljana in winter (UTC+1)
    [InlineData("2026-01-05T11:00:00", false)]
    [InlineData("2026-07-06T09:00:00", true)]   // 11:00 in summer (UTC+2)
    [InlineData("2026-07-06T10:00:00", false)]
    public void NamedZone_FollowsDaylightSaving(string now, bool inside) => Assert.Equal(inside, Inside("0 11 * * *", 300, "Europe/Ljubljana", now));

    [Theory]
    // 2026-03-29: Europe clocks jump from 02:00 to 03:00 local; the 02:30 start does not exist that day.
    [InlineData("2026-03-29T01:30:00", true)]   // Cronos runs a skipped time at the jump (03:00 local = 01:00 UTC), so 01:30 UTC is inside a 1 h window
    [InlineData("2026-03-28T01:30:00", true)]   // the day before: 02:30 CET = 01:30 UTC
    public void DaylightSavingGap_StillOpensTheWindow(string now, bool inside) => Assert.Equal(inside, Inside("30 2 * * *", 3600, "Europe/Paris", now));

    [Fact]
    public void NoConstraints_IsAlwaysInside() => Assert.True(TimeConstraintWindow.IsInside([], DateTimeOffset.UnixEpoch));

    [Fact]
    public void AnyConstraint_Suffices() => Assert.True(TimeConstraintWindow.IsInside(
        [new TimeConstraint("a", "", "0 1 * * *", 60, ""), new TimeConstraint("b", "", "0 11 * * *", 60, "")],
        DateTimeOffset.Parse("2026-01-05T11:00:30Z")));
}
