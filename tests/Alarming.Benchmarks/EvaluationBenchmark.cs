using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Storage.Metrics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Benchmarks;

/// <summary>One evaluation tick over 10,000 threshold alarms on 1,000 resources (60 measures each
/// in the window): fan-out time, evaluations/s end to end, storage requests per evaluation, and
/// the raw Azurite rate of the metric store's window read measured in the same run.</summary>
/// <remarks>The host's clock is frozen at the tick (the minute timer never fires by itself);
/// ticks are started with <c>POST /v2/admin/evaluate</c>, as an operator would.</remarks>
internal static class EvaluationBenchmark
{
    private const int Resources = 1000;
    private const int AlarmsPerResource = 10;
    private const int MeasuresPerResource = 60;
    private const int Concurrency = 16;
    private static readonly DateTimeOffset FirstTick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync()
    {
        var clock = new FakeTimeProvider(FirstTick);
        await using var host = await BenchmarkHost.StartAsync(clock);
        var http = host.Http;
        http.DefaultRequestHeaders.Add("X-Roles", "admin");
        Console.WriteLine($"Alarming evaluation benchmark: {Environment.ProcessorCount} cores, Azurite in memory, " +
                          $"{Resources * AlarmsPerResource} alarms over {Resources} resources, {MeasuresPerResource} measures each in the window");

        var seeding = Stopwatch.StartNew();
        var metricIds = new Guid[Resources];
        var resourceIds = Enumerable.Range(0, Resources).Select(_ => Guid.NewGuid()).ToArray();
        var seedRate = await Measure.RunAsync(Resources, Concurrency, async i => metricIds[i] = await CreateResourceAsync(http, resourceIds[i]));
        Console.WriteLine($"seeding: {Resources} resources at {seedRate:F0}/s");
        seedRate = await Measure.RunAsync(Resources / 50, 4, async batch => await PushMeasuresAsync(http, resourceIds.Skip(batch * 50).Take(50)));
        Console.WriteLine($"seeding: {Resources * MeasuresPerResource} measures at {seedRate * 50 * MeasuresPerResource:F0}/s");
        seedRate = await Measure.RunAsync(Resources * AlarmsPerResource, Concurrency, async i =>
            await CreateAlarmAsync(http, resourceIds[i / AlarmsPerResource], threshold: 10 * (i % AlarmsPerResource)));
        Console.WriteLine($"seeding: {Resources * AlarmsPerResource} alarms at {seedRate:F0}/s; seeded in {seeding.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"{"tick",-34} {"alarms",7} {"fan-out s",10} {"tick s",8} {"evals/s",9} {"storage req/eval",17}");

        using var counter = new StorageRequestCounter();
        var rates = new List<double>();
        foreach (var label in new[] { "1: every alarm leaves 'insufficient'", "2: steady, no transitions" })
        {
            var before = counter.Requests;
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync("/v2/admin/evaluate", null);
            var fanOut = watch.Elapsed;
            var alarms = (await response.Content.ReadFromJsonAsync<JsonObject>())!["alarms"]!.GetValue<int>();
            await host.WaitForEvaluationIdleAsync();
            var tick = watch.Elapsed;
            var rate = alarms / tick.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine($"{label,-34} {alarms,7} {fanOut.TotalSeconds,10:F2} {tick.TotalSeconds,8:F2} {rate,9:F0} {(counter.Requests - before) / (double)alarms,17:F2}");
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        await ReportStatesAsync(host.Storage);

        // The store's window read for one metric: the point reads of the measures table's hour blocks
        // an evaluation's window (11 periods of 60 s before the tick) touches, done directly with the SDK.
        var measures = new TableClient(host.Storage, "measures");
        var stop = FirstTick.AddMinutes(1);
        var start = stop.AddSeconds(-60 * 11);
        async Task WindowReadAsync(int i)
        {
            var metric = metricIds[i % Resources];
            var blocks = await Task.WhenAll(new[] { start, stop }.Select(MeasureBlock.StartOf).Select(hour =>
                measures.GetEntityIfExistsAsync<TableEntity>(MeasureBlock.Partition(metric, hour), MeasureBlock.RowKey(hour))));
            if (!blocks.Any(b => b.HasValue))
            {
                throw new InvalidOperationException("the window read found no measures");
            }
        }
        await Measure.RunAsync(200, Concurrency, WindowReadAsync);
        var raw = await Measure.RunAsync(Resources, Concurrency, WindowReadAsync);
        Console.WriteLine($"raw window read ({Concurrency} concurrent): {raw:F0} reads/s; ratio evals/s : raw reads/s = " +
                          $"{rates[0] / raw:F2} (tick 1), {rates[1] / raw:F2} (tick 2)");
    }

    private static async Task<Guid> CreateResourceAsync(HttpClient http, Guid id)
    {
        using var response = await http.PostAsJsonAsync("/v1/resource/generic", new JsonObject
        {
            ["id"] = id.ToString(),
            ["metrics"] = new JsonObject { ["cpu_util"] = new JsonObject { ["archive_policy_name"] = "medium" } },
        });
        var body = await Responses.ExpectAsync(response, 201);
        return Guid.Parse(body["metrics"]!["cpu_util"]!.GetValue<string>());
    }

    /// <summary>60 measures 10 s apart before the first tick; resource n hovers around n mod 100,
    /// so the ten thresholds 0, 10 ... 90 split the alarms between ok and alarm.</summary>
    private static async Task PushMeasuresAsync(HttpClient http, IEnumerable<Guid> resources)
    {
        var body = new JsonObject();
        foreach (var (id, n) in resources.Select((id, n) => (id, n)))
        {
            var measures = new JsonArray(Enumerable.Range(1, MeasuresPerResource).Select(k => (JsonNode?)new JsonObject
            {
                ["timestamp"] = FirstTick.AddSeconds(-10 * k).ToString("O"),
                ["value"] = (n * 7 % 100) + (k % 3),
            }).ToArray());
            body[id.ToString()] = new JsonObject { ["cpu_util"] = measures };
        }
        using var response = await http.PostAsJsonAsync("/v1/batch/resources/metrics/measures", body);
        await Responses.ExpectAsync(response, 202);
    }

    private static async Task CreateAlarmAsync(HttpClient http, Guid resource, double threshold)
    {
        using var response = await http.PostAsJsonAsync("/v2/alarms", new JsonObject
        {
            ["name"] = $"cpu-{resource:N}-{threshold}",
            ["type"] = "gnocchi_resources_threshold",
            ["gnocchi_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu_util", ["resource_id"] = resource.ToString(), ["resource_type"] = "generic",
                ["comparison_operator"] = "gt", ["threshold"] = threshold, ["aggregation_method"] = "mean",
                ["evaluation_periods"] = 10, ["granularity"] = 60,
            },
        });
        await Responses.ExpectAsync(response, 201);
    }

    private static async Task ReportStatesAsync(string storage)
    {
        var states = new Dictionary<string, int>();
        await foreach (var alarm in new TableClient(storage, "alarms").QueryAsync<TableEntity>("PartitionKey eq 'bench' and RowKey lt 'name:'", select: ["State"]))
        {
            var state = alarm.GetString("State");
            states[state] = states.GetValueOrDefault(state) + 1;
        }
        Console.WriteLine("states after the ticks: " + string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
    }
}
