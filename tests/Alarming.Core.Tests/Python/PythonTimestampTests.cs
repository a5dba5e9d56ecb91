using Alarming.Core.Python;

namespace Alarming.Core.Tests.Python;

public sealed class PythonTimestampTests
{
    [Fact]
    public void Format_OmitsZeroMicroseconds() =>
        Assert.Equal("2013-02-02T00:00:00", PythonTimestamp.Format(new DateTimeOffset(2013, 2, 2, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Format_WritesMicrosecondsAsNaiveUtc() =>
        Assert.Equal("2026-11-22T18:05:54.315675",
            PythonTimestamp.Format(new DateTimeOffset(2026, 11, 22, 19, 5, 54, TimeSpan.FromHours(1)).AddTicks(3156759)));

    [Theory]
    [InlineData("2026-01-05T20:07:06+02:00", "2026-01-05T20:07:06")]
    [InlineData("2026-01-05T20:07:06Z", "2026-01-05T20:07:06")]
    [InlineData("2026-01-05 20:07:06.5", "2026-01-05T20:07:06.500000")]
    public void TryParse_DropsOffsetsWithoutConverting(string text, string expected)
    {
        Assert.True(PythonTimestamp.TryParse(text, out var value));
        Assert.Equal(expected, PythonTimestamp.Format(value));
    }
}
