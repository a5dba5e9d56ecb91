using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Benchmarks;

/// <summary>How evaluation grows: at 1,000, 3,000 and 10,000 threshold alarms (ten per resource; other counts on the command line),
/// the create rate at that size, a storm tick (every alarm transitions) and a steady tick (none
/// does), with storage requests per evaluation and where they go, and the raw Azurite rates of
/// the reads and writes an evaluation needs, measured in the same run at the same size.</summary>
/// <remarks>The host's clock is frozen and its evaluation timer off; ticks are started with
/// <c>POST /v2/admin/evaluate</c>, as an operator would. Each stage pushes one value for every
/// resource over the stage's window, alternating above and below every threshold, so every alarm
/// (old ones and new ones leaving insufficient data) transitions in the stage's first tick.</remarks>
internal static class EvaluationBenchmark
{
    private const int AlarmsPerResource = 10;
    private const int Concurrency = 16;
    private const int CreateSample = 200;
    private static readonly DateTimeOffset FirstTick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(IReadOnlyList<int> stages)
    {
        var clock = new FakeTimeProvider(FirstTick.AddMinutes(-1));
        await using var host = await BenchmarkHost.StartAsync(clock, new Dictionary<string, string?>
        {
            ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
        });
        var http = host.Http;
        http.DefaultRequestHeaders.Add("X-Roles", "admin");
        Console.WriteLine($"Alarming evaluation benchmark: {Environment.ProcessorCount} cores, Azurite in memory, " +
                          $"{AlarmsPerResource} alarms per resource, one measure every 10 s per resource");
        var raw = new RawEvaluationStorage(new TableServiceClient(host.Storage));
        using var counter = new StorageRequestCounter();
        var resources = new List<(Guid Resource, Guid Metric)>();
        var alarms = 0;
        for (var stage = 0; stage < stages.Count; stage++)
        {
            var size = stages[stage];
            var tick = FirstTick.AddMinutes(15 * stage);
            clock.SetUtcNow(tick.AddMinutes(-1));
            var watch = Stopwatch.StartNew();
            var fresh = Enumerable.Range(0, size / AlarmsPerResource - resources.Count).Select(_ => Guid.NewGuid()).ToArray();
            var metrics = new Guid[fresh.Length];
            await Measure.RunAsync(fresh.Length, Concurrency, async i => metrics[i] = await CreateResourceAsync(http, fresh[i]));
            resources.AddRange(fresh.Zip(metrics));
            var value = stage % 2 == 0 ? 200.0 : -100.0;
            await Measure.RunAsync((resources.Count + 49) / 50, 4, async batch =>
                await PushMeasuresAsync(http, resources.Skip(batch * 50).Take(50).Select(r => r.Resource), tick, value));
            var seeded = size - CreateSample - alarms;
            var seedRate = await Measure.RunAsync(seeded, Concurrency, async i => await CreateAlarmAsync(http, resources, alarms + i));
            alarms += seeded;
            counter.TakeBreakdown(1);
            var createRate = await Measure.RunAsync(CreateSample, Concurrency, async i => await CreateAlarmAsync(http, resources, alarms + i));
            var createBreakdown = counter.TakeBreakdown(CreateSample);
            alarms += CreateSample;
            await raw.PrepareAsync();
            var rawCreate = await Measure.RunAsync(CreateSample, Concurrency, raw.CreateAsync);
            Console.WriteLine($"--- {alarms} alarms over {resources.Count} resources (seeded in {watch.Elapsed.TotalSeconds:F0} s, {seedRate:F0} creates/s)");
            Console.WriteLine($"create at {alarms}, {Concurrency} concurrent: {createRate:F1}/s; raw create storage {rawCreate:F1}/s; " +
                              $"ratio {createRate / rawCreate:F2}; per create: {createBreakdown}");

            clock.SetUtcNow(tick);
            await TickAsync(host, counter, "storm: every alarm transitions", alarms);
            clock.Advance(TimeSpan.FromMinutes(1));
            await TickAsync(host, counter, "steady: no transitions", alarms);
            await ReportStatesAsync(host.Storage, value > 0 ? "alarm" : "ok", alarms);

            var (reads, windows, writes) = await raw.RatesAsync(resources.Select(r => r.Metric).ToList(), tick, Concurrency);
            Console.WriteLine($"raw Azurite at {alarms}, {Concurrency} concurrent: alarm read {reads:F0}/s, measure window read {windows:F0}/s, " +
                              $"alarm read + conditional replace {writes:F0}/s");
        }
        Console.WriteLine("raw create = quota point read + alarmids upsert + alarm/name/outbox transaction + history upsert " +
                          "(what a create must write before it answers); raw alarm read = a point read of an alarm row; " +
                          "raw window = the point read of a measure block; raw read + replace = an alarm row read, then replaced on its version");
    }

    private static async Task TickAsync(BenchmarkHost host, StorageRequestCounter counter, string label, int expected)
    {
        counter.TakeBreakdown(1);
        var before = counter.Requests;
        var watch = Stopwatch.StartNew();
        var body = await Responses.ExpectAsync(await host.Http.PostAsync("/v2/admin/evaluate", null), 202);
        var fanOut = watch.Elapsed;
        var alarms = body["alarms"]!.GetValue<int>();
        if (alarms != expected)
        {
            throw new InvalidOperationException($"the tick fanned out {alarms} alarms, expected {expected}");
        }
        await host.WaitForEvaluationIdleAsync();
        var tick = watch.Elapsed.TotalSeconds;
        var perEvaluation = (counter.Requests - before) / (double)alarms;
        Console.WriteLine($"tick {label,-32} fan-out {fanOut.TotalSeconds,5:F2} s, tick {tick,7:F2} s, {alarms / tick,6:F0} evals/s, " +
                          $"{perEvaluation:F2} storage req/eval: {counter.TakeBreakdown(alarms)}");
    }

    private static async Task<Guid> CreateResourceAsync(HttpClient http, Guid id)
    {
        var body = await Responses.ExpectAsync(await http.PostAsJsonAsync("/v1/resource/generic", new JsonObject
        {
            ["id"] = id.ToString(),
            ["metrics"] = new JsonObject { ["cpu_util"] = new JsonObject { ["archive_policy_name"] = "medium" } },
        }), 201);
        return Guid.Parse(body["metrics"]!["cpu_util"]!.GetValue<string>());
    }

    /// <summary>One measure every 10 s from 12 minutes before the tick to a minute after it, so both of the
    /// stage's ticks see full windows of the stage's value.</summary>
    private static async Task PushMeasuresAsync(HttpClient http, IEnumerable<Guid> resources, DateTimeOffset tick, double value)
    {
        var body = new JsonObject();
        foreach (var id in resources)
        {
            var measures = new JsonArray(Enumerable.Range(-72, 78).Select(k => (JsonNode?)new JsonObject
            {
                ["timestamp"] = tick.AddSeconds(10 * k).ToString("O"),
                ["value"] = value,
            }).ToArray());
            body[id.ToString()] = new JsonObject { ["cpu_util"] = measures };
        }
        await Responses.ExpectAsync(await http.PostAsJsonAsync("/v1/batch/resources/metrics/measures", body), 202);
    }

    /// <summary>Alarm n watches resource n / 10 with threshold 10 × (n mod 10): 0 … 90, all below 200 and above −100.</summary>
    private static async Task CreateAlarmAsync(HttpClient http, IReadOnlyList<(Guid Resource, Guid Metric)> resources, int n)
    {
        var resource = resources[n / AlarmsPerResource].Resource;
        var threshold = 10 * (n % AlarmsPerResource);
        await Responses.ExpectAsync(await http.PostAsJsonAsync("/v2/alarms", new JsonObject
        {
            ["name"] = $"cpu-{resource:N}-{threshold}",
            ["type"] = "gnocchi_resources_threshold",
            ["gnocchi_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu_util", ["resource_id"] = resource.ToString(), ["resource_type"] = "generic",
                ["comparison_operator"] = "gt", ["threshold"] = threshold, ["aggregation_method"] = "mean",
                ["evaluation_periods"] = 10, ["granularity"] = 60,
            },
        }), 201);
    }

    /// <summary>Every alarm must have reached the stage's state, or the tick figures measured the wrong work.</summary>
    private static async Task ReportStatesAsync(string storage, string expected, int alarms)
    {
        var states = new Dictionary<string, int>();
        await foreach (var alarm in new TableClient(storage, "alarms").QueryAsync<TableEntity>("ProjectId eq 'bench' and RowKey lt 'name:'", select: ["State"]))
        {
            var state = alarm.GetString("State");
            states[state] = states.GetValueOrDefault(state) + 1;
        }
        if (states.GetValueOrDefault(expected) != alarms)
        {
            throw new InvalidOperationException("states after the ticks: " + string.Join(", ", states.Select(s => $"{s.Key} {s.Value}")));
        }
    }
}
