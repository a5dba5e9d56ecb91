using Alarming.Functions.MetricApi.Measures;
using Alarming.Functions.Tests.Fixtures;
using Azure.Data.Tables;

namespace Alarming.Functions.Tests.MetricApi;

public sealed class MeasureRetentionTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task MeasuresOlderThanRetention_AreNotRead_AndAreExpiredHourly()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var now = host.Time.GetUtcNow();
        await project.PushAsync(resource, "cpu", (now.AddDays(-8), 1), (now.AddDays(-6), 2), (now.AddMinutes(-5), 3));

        var read = (await project.GetAsync($"/v1/resource/generic/{resource}/metric/cpu/measures?granularity=3600&start=-30 days")).Json!.AsArray();
        Assert.Equal([2.0, 3.0], read.Select(r => r![2]!.GetValue<double>()).ToArray());
        var table = new TableClient(host.Storage, "measures");
        Assert.Equal(3, await CountAsync(table));

        // The expiry timer runs at minute 17 of every hour.
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 17, 0, TimeSpan.Zero);
        if (at <= now)
        {
            at = at.AddHours(1);
        }
        host.Time.Advance(at - now);
        await Eventually.TrueAsync(() => Task.FromResult(host.Activity.LastHandled(ExpireMeasuresFunction.Name) >= at), "the expiry timer");
        await host.WaitForIdleAsync();
        Assert.Equal(2, await CountAsync(table));
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }
}
