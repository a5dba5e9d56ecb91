using Alarming.Core.Metrics;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Metrics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Storage;

/// <summary>The measure store's hour blocks against a real Azurite. Each test writes a fresh metric;
/// only the expiry test writes before <see cref="ExpiryHorizon"/>, so it alone sees what it expires.</summary>
public sealed class MeasureStoreTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private static readonly DateTimeOffset Midnight = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiryHorizon = new(2025, 6, 1, 0, 30, 0, TimeSpan.Zero);

    private IMeasureStore Store => host.Services.GetRequiredService<IMeasureStore>();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task AWriteAcrossTwoHoursAndTwoDays_IsReadBackInOrder_OneRowAnHour()
    {
        var metric = Guid.NewGuid();
        var measures = new[]
        {
            M(Midnight.AddMinutes(5), 3), M(Midnight.AddMinutes(-50), 1), M(Midnight.AddMinutes(-10), 2), M(Midnight.AddMinutes(65), 4),
        };

        await Store.AddAsync(metric, measures, None);

        Assert.Equal(measures.OrderBy(m => m.Timestamp), await Store.ReadAsync(metric, Midnight.AddDays(-1), Midnight.AddDays(1), None));
        Assert.Equal(
        [
            (Partition(metric, "20260104"), Midnight.AddHours(-1)),
            (Partition(metric, "20260105"), Midnight),
            (Partition(metric, "20260105"), Midnight.AddHours(1)),
        ], await RowsAsync(metric));
    }

    [Fact]
    public async Task ALaterMeasureAtATimestamp_Replaces_WithinAWriteAndOverStoredOnes()
    {
        var metric = Guid.NewGuid();
        var at = Midnight.AddHours(10);
        await Store.AddAsync(metric, [M(at, 1), M(at.AddSeconds(1), 2), M(at, 3)], None);

        await Store.AddAsync(metric, [M(at.AddSeconds(1), 20), M(at.AddSeconds(2), 30)], None);

        Assert.Equal([M(at, 3), M(at.AddSeconds(1), 20), M(at.AddSeconds(2), 30)], await Store.ReadAsync(metric, at, at.AddHours(1), None));
    }

    [Fact]
    public async Task AWindow_HoldsFromButNotTo_InsideOneBlock_AcrossFewBlocks_AndAcrossManyDays()
    {
        var metric = Guid.NewGuid();
        // One measure every 20 minutes for three days.
        var measures = Enumerable.Range(0, 3 * 72).Select(i => M(Midnight.AddDays(-1).AddMinutes(20 * i), i)).ToList();
        await Store.AddAsync(metric, measures, None);

        IEnumerable<Measure> Expected(DateTimeOffset from, DateTimeOffset to) => measures.Where(m => m.Timestamp >= from && m.Timestamp < to);
        var ten = Midnight.AddHours(10);
        Assert.Equal(Expected(ten.AddMinutes(20), ten.AddMinutes(40)), await Store.ReadAsync(metric, ten.AddMinutes(20), ten.AddMinutes(40), None));
        Assert.Equal([M(ten.AddMinutes(20), 3 * 34 + 1)], await Store.ReadAsync(metric, ten.AddMinutes(20), ten.AddMinutes(40), None));
        Assert.Equal(Expected(ten.AddMinutes(-30), ten.AddMinutes(150)), await Store.ReadAsync(metric, ten.AddMinutes(-30), ten.AddMinutes(150), None));
        Assert.Equal(Expected(Midnight.AddHours(-5), Midnight.AddDays(1).AddHours(5)),
            await Store.ReadAsync(metric, Midnight.AddHours(-5), Midnight.AddDays(1).AddHours(5), None));
        Assert.Equal(measures, await Store.ReadAsync(metric, Midnight.AddDays(-10), Midnight.AddDays(10), None));
        Assert.Empty(await Store.ReadAsync(metric, ten.AddMinutes(1), ten.AddMinutes(20), None));
    }

    [Fact]
    public async Task LastBefore_LooksInTheHour_ThenBackOverHoursAndDays_WithinItsDays()
    {
        var metric = Guid.NewGuid();
        var late = M(Midnight.AddDays(-2).AddHours(22), 1);
        var morning = M(Midnight.AddHours(8).AddMinutes(30), 2);
        var ten = M(Midnight.AddHours(10).AddMinutes(10), 3);
        await Store.AddAsync(metric, [late, morning, ten], None);

        Assert.Equal(ten, await Store.LastBeforeAsync(metric, ten.Timestamp.AddTicks(1), 7, None));
        Assert.Equal(morning, await Store.LastBeforeAsync(metric, ten.Timestamp, 7, None));
        Assert.Equal(morning, await Store.LastBeforeAsync(metric, Midnight.AddHours(10), 7, None));
        Assert.Equal(late, await Store.LastBeforeAsync(metric, morning.Timestamp, 7, None));
        Assert.Equal(late, await Store.LastBeforeAsync(metric, Midnight, 7, None));
        Assert.Null(await Store.LastBeforeAsync(metric, morning.Timestamp, 2, None));
        Assert.Null(await Store.LastBeforeAsync(metric, late.Timestamp, 7, None));
    }

    [Fact]
    public async Task Expire_DeletesTheHoursEndedBefore_CountingTheirMeasures_AndKeepsTheStraddlingHour()
    {
        var metric = Guid.NewGuid();
        var midnight = new DateTimeOffset(ExpiryHorizon.UtcDateTime.Date, TimeSpan.Zero);
        var kept = new[] { M(midnight.AddMinutes(10), 4), M(ExpiryHorizon.AddMinutes(10), 5) };
        await Store.AddAsync(metric, [M(midnight.AddHours(-2), 1), M(midnight.AddMinutes(-30), 2), M(midnight.AddMinutes(-1), 3), .. kept], None);

        Assert.Equal(3, await Store.ExpireAsync(ExpiryHorizon, None));

        Assert.Equal(kept, await Store.ReadAsync(metric, midnight.AddDays(-1), midnight.AddDays(1), None));
        Assert.Equal(0, await Store.ExpireAsync(ExpiryHorizon, None));
        Assert.Equal(2, await Store.ExpireAsync(midnight.AddHours(1), None));
    }

    [Fact]
    public async Task Delete_RemovesTheMetricsBlocksInTheSpan_AndNoOtherMetrics()
    {
        var metric = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Store.AddAsync(metric, [M(Midnight.AddDays(-3), 1), M(Midnight.AddHours(5), 2), M(Midnight.AddDays(1), 3)], None);
        await Store.AddAsync(other, [M(Midnight.AddHours(5), 4)], None);

        await Store.DeleteAsync(metric, Midnight.AddDays(-8), Midnight.AddDays(1), None);

        Assert.Equal([M(Midnight.AddDays(1), 3)], await Store.ReadAsync(metric, Midnight.AddDays(-8), Midnight.AddDays(2), None));
        Assert.Equal([M(Midnight.AddHours(5), 4)], await Store.ReadAsync(other, Midnight, Midnight.AddDays(1), None));
    }

    [Fact]
    public async Task ConcurrentWritesToOneBlock_LoseNothing()
    {
        var metric = Guid.NewGuid();
        var hour = Midnight.AddHours(12);
        // Twelve writers, each with a measure of its own in the shared hour and one in the next.
        var writers = Enumerable.Range(0, 12).Select(w => Task.Run(() =>
            Store.AddAsync(metric, [M(hour.AddSeconds(w), w), M(hour.AddHours(1).AddSeconds(w), -w)], None)));

        await Task.WhenAll(writers);

        var read = await Store.ReadAsync(metric, hour, hour.AddHours(2), None);
        Assert.Equal(24, read.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(w => (double)w), read.Take(12).Select(m => m.Value));
    }

    [Fact]
    public async Task AnHourBeyondABlock_IsRefused_AndLeavesTheDayAsItWas()
    {
        var metric = Guid.NewGuid();
        var hour = Midnight.AddHours(14);
        await Store.AddAsync(metric, [M(hour, 1)], None);

        var tooMany = Enumerable.Range(1, MeasureBlock.MaxPoints).Select(i => M(hour.AddTicks(i * 1000L), i)).Append(M(hour.AddHours(1), 2)).ToList();
        await Assert.ThrowsAsync<MeasureBlockFullException>(() => Store.AddAsync(metric, tooMany, None));

        Assert.Equal([M(hour, 1)], await Store.ReadAsync(metric, hour, hour.AddHours(2), None));
    }

    [Fact]
    public async Task AFullBlock_IsWrittenRewrittenAndReadBack()
    {
        var metric = Guid.NewGuid();
        var hour = Midnight.AddHours(16);
        var full = Enumerable.Range(0, MeasureBlock.MaxPoints).Select(i => M(hour.AddTicks(i * 1000L), i)).ToList();
        await Store.AddAsync(metric, full, None);

        await Store.AddAsync(metric, [M(hour, -1)], None);

        Assert.Equal([M(hour, -1), .. full.Skip(1)], await Store.ReadAsync(metric, hour, hour.AddHours(1), None));
    }

    private static Measure M(DateTimeOffset at, double value) => new(at, value);

    private static string Partition(Guid metric, string day) => metric.ToString("N") + "_" + day;

    private async Task<List<(string Partition, DateTimeOffset Hour)>> RowsAsync(Guid metric)
    {
        var table = new TableClient(host.Storage, "measures");
        var rows = new List<(string, DateTimeOffset)>();
        var prefix = metric.ToString("N");
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
        {
            rows.Add((row.PartitionKey, new DateTimeOffset(long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero)));
        }
        return rows;
    }
}
