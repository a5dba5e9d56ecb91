using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Tests.TimeConstraints;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 11 * * *")]
    [InlineData("0 9 * * 1-5")]
    [InlineData("0 11 * * * 30")]
    [InlineData("@daily")]
    public void TryParse_AcceptsCroniterForms(string text) => Assert.True(CronSchedule.TryParse(text, out _, out _));

    [Fact]
    public void TryParse_ReadsTheSixthFieldAsSeconds()
    {
        Assert.True(CronSchedule.TryParse("0 11 * * * 30", out var expression, out _));
        var next = expression!.GetNextOccurrence(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 1, 1, 11, 0, 30, DateTimeKind.Utc), next);
    }

    [Theory]
    [InlineData("0 11 * *", "Exactly 5 or 6 columns has to be specified for iterator expression.")]
    [InlineData("61 * * * *", "[61 * * * *] is not acceptable, out of range")]
    public void TryParse_ExplainsLikeCroniter(string text, string error)
    {
        Assert.False(CronSchedule.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData("utc")]
    [InlineData("Europe/Paris")]
    [InlineData("europe/paris")]
    [InlineData("")]
    public void TimeZones_FindIanaNamesCaseInsensitively(string name) => Assert.True(TimeZones.TryFind(name, out _));
}
