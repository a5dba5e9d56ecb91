using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Metrics;

namespace Alarming.Functions.Tests.MetricApi;

public sealed class MeasureLimitTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task MoreMeasuresInOneHourThanABlockHolds_AreRefusedWithGnocchisError()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var hour = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var body = new JsonArray(Enumerable.Range(0, MeasureBlock.MaxPoints + 1)
            .Select(i => (JsonNode?)new JsonObject { ["timestamp"] = hour.AddTicks(i * 10_000L).ToString("O"), ["value"] = i }).ToArray());

        var response = await project.PostAsync($"/v1/resource/generic/{resource}/metric/cpu/measures", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(400, response.Json!["code"]!.GetValue<int>());
        Assert.StartsWith("Too many measures in one hour of metric", response.Json["description"]!.GetValue<string>());
        var read = await project.GetAsync($"/v1/resource/generic/{resource}/metric/cpu/measures?granularity=60&start=2026-01-05T08:00:00");
        Assert.Empty(read.Json!.AsArray());
    }
}
