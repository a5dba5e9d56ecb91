using Alarming.Core.Metrics;

namespace Alarming.Core.Tests.Metrics;

public sealed class AggregatorTests
{
    private static readonly DateTimeOffset T = new(2015, 3, 6, 14, 33, 0, TimeSpan.Zero);

    [Fact]
    public void RateMean_TakesDifferences_NotDividedByTime() // Gnocchi's own example
    {
        Measure[] measures =
        [
            new(T, 10), new(T.AddSeconds(70), 13), new(T.AddSeconds(80), 13), new(T.AddSeconds(90), 15),
            new(T.AddSeconds(100), 18), new(T.AddSeconds(110), 20),
        ];
        var points = Aggregator.Aggregate(measures, "rate:mean", 60, null, null);
        Assert.Equal([(T.AddMinutes(1), 2.0)], points.Select(p => (p.Timestamp, p.Value)).ToArray());
    }

    [Theory]
    [InlineData("mean", 2.5)]
    [InlineData("sum", 10)]
    [InlineData("count", 4)]
    [InlineData("first", 4)]
    [InlineData("last", 3)]
    [InlineData("median", 2.5)]
    [InlineData("90pct", 3.7)]
    [InlineData("std", 1.2909944487358056)]
    public void Methods_ComputeOverTheBucketInTimeOrder(string method, double expected) =>
        Assert.Equal(expected, Aggregator.Compute(method, [4, 1, 2, 3])!.Value, 10);

    [Fact]
    public void Std_OfOneValue_GivesNoPoint() => Assert.Null(Aggregator.Compute("std", [1]));

    [Fact]
    public void StartIsRoundedDown_AndStopIsExclusive()
    {
        Measure[] measures = [new(T, 1), new(T.AddSeconds(30), 2), new(T.AddMinutes(1), 3)];
        var points = Aggregator.Aggregate(measures, "mean", 60, T.AddSeconds(30), T.AddMinutes(1));
        Assert.Equal([(T, 1.5)], points.Select(p => (p.Timestamp, p.Value)).ToArray());
    }
}
