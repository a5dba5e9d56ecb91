using Alarming.Core.Metrics;
using Alarming.Storage.Metrics;

namespace Alarming.Functions.Tests.Storage;

/// <summary>The packing of one hour of measures into a row of the measures table.</summary>
public sealed class MeasureBlockTests
{
    private static readonly Guid MetricId = Guid.Parse("0f4c9e2a-5b1d-4c3e-9a7f-1e2d3c4b5a69");
    private static readonly DateTimeOffset Hour = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartOf_IsTheUtcHour()
    {
        Assert.Equal(Hour, MeasureBlock.StartOf(new DateTimeOffset(2026, 1, 5, 12, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_999)));
        Assert.Equal(Hour, MeasureBlock.StartOf(Hour));
    }

    [Fact]
    public void Keys_AreTheDayPartitionAndTheHoursTicks()
    {
        Assert.Equal("0f4c9e2a5b1d4c3e9a7f1e2d3c4b5a69_20260105", MeasureBlock.Partition(MetricId, Hour.AddMinutes(59)));
        Assert.Equal(Hour.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture), MeasureBlock.RowKey(Hour));
    }

    [Fact]
    public void Merge_SortsByTime_AndALaterMeasureAtATimestampReplaces()
    {
        var stored = new[] { At(10, 1), At(30, 3) };
        var added = new[] { At(40, 4), At(10, 10), At(20, 2), At(10, 11) };

        var merged = MeasureBlock.Merge(stored, added);

        Assert.Equal([At(10, 11), At(20, 2), At(30, 3), At(40, 4)], merged);
    }

    [Fact]
    public void Merge_KeepsTimestampsToTheTick_AndReturnsThemInUtc()
    {
        var local = new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.FromHours(1));

        var merged = MeasureBlock.Merge([], [new Measure(local.AddTicks(1), 1), new Measure(local, 2)]);

        Assert.Equal([new Measure(Hour, 2), new Measure(Hour.AddTicks(1), 1)], merged);
        Assert.All(merged, m => Assert.Equal(TimeSpan.Zero, m.Timestamp.Offset));
    }

    [Fact]
    public void ToRow_PacksSixteenBytesAPoint_4096AColumn_AndCountsThem()
    {
        var points = Points(MeasureBlock.PointsPerColumn + 1);

        var row = MeasureBlock.ToRow(MetricId, Hour, points);

        Assert.Equal(MeasureBlock.Partition(MetricId, Hour), row.PartitionKey);
        Assert.Equal(MeasureBlock.RowKey(Hour), row.RowKey);
        Assert.Equal(points.Count, MeasureBlock.Count(row));
        Assert.Equal(64 * 1024, row.GetBinary("P0").Length);
        Assert.Equal(16, row.GetBinary("P1").Length);
        Assert.False(row.ContainsKey("P2"));
    }

    [Fact]
    public void ToRow_IsLittleEndianTicksThenValue()
    {
        var row = MeasureBlock.ToRow(MetricId, Hour, [new Measure(Hour, 1.5)]);

        var bytes = row.GetBinary("P0");
        Assert.Equal(BitConverter.GetBytes(Hour.UtcTicks), bytes[..8]);
        Assert.Equal(BitConverter.GetBytes(1.5), bytes[8..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(MeasureBlock.MaxPoints)]
    public void Points_ReadBackWhatToRowWrote(int count)
    {
        var points = Points(count);

        var read = MeasureBlock.Points(MeasureBlock.ToRow(MetricId, Hour, points));

        Assert.Equal(points, read);
    }

    [Fact]
    public void ToRow_RefusesMoreThanABlockHolds()
    {
        var error = Assert.Throws<MeasureBlockFullException>(() => MeasureBlock.ToRow(MetricId, Hour, Points(MeasureBlock.MaxPoints + 1)));

        Assert.Contains(MetricId.ToString(), error.Message);
        Assert.Contains(MeasureBlock.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    private static Measure At(int second, double value) => new(Hour.AddSeconds(second), value);

    private static List<Measure> Points(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Measure(Hour.AddTicks(i * 7_000L), i * 0.5))];
}
