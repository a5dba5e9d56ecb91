using Alarming.Core.Silences;

namespace Alarming.Core.Tests.Silences;

public sealed class SilenceTests
{
    private static readonly DateTimeOffset Created = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Silence OneOff(DateTimeOffset starts, DateTimeOffset ends) =>
        new("s1", "p1", "u1", null, """{"=":{"name":"x"}}""", starts, ends, null, true, true, Created);

    private static Silence Recurring(string start, long duration, string timezone, DateTimeOffset? ends = null) =>
        new("s1", "p1", "u1", null, """{"=":{"name":"x"}}""", Created, ends, new SilenceSchedule(start, duration, timezone), true, true, Created);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AOneOffSilence_IsPendingThenActiveUntilItsEndThenExpired()
    {
        var silence = OneOff(Utc(3, 2, 22), Utc(3, 3, 2));
        Assert.Equal(SilenceStates.Pending, silence.StateAt(Utc(3, 2, 21, 59)));
        Assert.Equal(SilenceStates.Active, silence.StateAt(Utc(3, 2, 22)));
        Assert.Equal(Utc(3, 3, 2), silence.ActiveUntil(Utc(3, 3, 1)));
        Assert.Equal(SilenceStates.Expired, silence.StateAt(Utc(3, 3, 2)));
        Assert.Null(silence.ActiveUntil(Utc(3, 3, 2)));
    }

    [Fact]
    public void ARecurringWindow_FollowsLocalTimeAcrossTheChangeToSummerTime()
    {
        // 22:00-24:00 in Berlin: 21:00-23:00 UTC in winter (CET), 20:00-22:00 UTC after 28 March 2027 (CEST).
        var silence = Recurring("0 22 * * *", 7200, "Europe/Berlin");
        Assert.Equal(Utc(3, 27, 23), silence.ActiveUntil(Utc(3, 27, 21, 30)));
        Assert.Equal(SilenceStates.Pending, silence.StateAt(Utc(3, 27, 20, 30)));
        Assert.Equal(Utc(3, 29, 22), silence.ActiveUntil(Utc(3, 29, 20, 30)));
        Assert.Equal(Utc(3, 29, 22), silence.ActiveUntil(Utc(3, 29, 21, 30)));
        Assert.Equal(SilenceStates.Pending, silence.StateAt(Utc(3, 29, 22, 30)));
    }

    [Fact]
    public void AWindowOverTheChange_LastsItsDurationInRealTime()
    {
        // 01:00 CET on 28 March is 00:00 UTC; two hours later the clocks read 04:00 CEST.
        var silence = Recurring("0 1 * * *", 7200, "Europe/Berlin");
        Assert.Equal(Utc(3, 28, 2), silence.ActiveUntil(Utc(3, 28, 1, 30)));
        Assert.Equal(SilenceStates.Pending, silence.StateAt(Utc(3, 28, 2)));
        // The next day the window is 01:00-03:00 CEST: 23:00-01:00 UTC.
        Assert.Equal(Utc(3, 29, 1), silence.ActiveUntil(Utc(3, 28, 23, 30)));
    }

    [Fact]
    public void ARecurringSilence_EndsForGoodAtItsEnd_EvenInsideAWindow()
    {
        var silence = Recurring("0 22 * * *", 7200, "", ends: Utc(3, 5, 23));
        Assert.Equal(Utc(3, 4, 0), silence.ActiveUntil(Utc(3, 3, 23)));
        Assert.Equal(Utc(3, 5, 23), silence.ActiveUntil(Utc(3, 5, 22, 30)));
        Assert.Equal(SilenceStates.Expired, silence.StateAt(Utc(3, 5, 23)));
    }

    [Theory]
    [InlineData("alarm", true)]
    [InlineData("insufficient data", true)]
    [InlineData("ok", false)]
    public void ARecoveryGoesThrough_WhenNotifyResolvedIsOn(string state, bool muted)
    {
        var silence = OneOff(Utc(3, 2, 0), Utc(3, 3, 0));
        Assert.Equal(muted, silence.Mutes(state));
        Assert.True((silence with { NotifyResolved = false }).Mutes(state));
    }
}
