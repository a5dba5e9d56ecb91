using Alarming.Core.Metrics;

namespace Alarming.Core.Tests.Metrics;

public sealed class GnocchiTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 30, 15, 500, TimeSpan.Zero);

    [Theory]
    [InlineData("2015-03-06T14:34:00+02:00", "2015-03-06T12:34:00+00:00")]
    [InlineData("2015-03-06 14:34", "2015-03-06T14:34:00+00:00")]
    [InlineData("1425652440", "2015-03-06T14:34:00+00:00")]
    [InlineData("now", "2026-01-05T10:30:15+00:00")]
    [InlineData("today", "2026-01-05T00:00:00+00:00")]
    [InlineData("-1 day", "2026-01-04T10:30:15.500000+00:00")]
    [InlineData("+1 hour", "2026-01-05T11:30:15.500000+00:00")]
    public void TryParse_ReadsGnocchisForms(string text, string expected)
    {
        Assert.True(GnocchiTime.TryParse(text, Now, out var value));
        Assert.Equal(expected, GnocchiTime.Format(value));
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("5min", 300)]
    [InlineData("5 minutes", 300)]
    [InlineData("1h", 3600)]
    [InlineData("30 days", 2592000)]
    public void TryParseSpan_ReadsDurations(string text, double seconds)
    {
        Assert.True(GnocchiTime.TryParseSpan(text, out var span));
        Assert.Equal(seconds, span.TotalSeconds);
    }

    [Fact]
    public void TryParse_RefusesGarbage() => Assert.False(GnocchiTime.TryParse("yesterday-ish", Now, out _));
}
