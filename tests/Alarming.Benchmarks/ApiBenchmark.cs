using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace Alarming.Benchmarks;

/// <summary>Alarm create and list through HTTP (Kestrel → function → Azurite) next to the raw
/// Azurite rate of the storage operations each request must make, on one fresh in-memory Azurite,
/// with one project growing from 100 to 10,000 alarms, so the create rate's growth shows.</summary>
internal static class ApiBenchmark
{
    private const int Alarms = 1000;
    private const int Sample = 300;
    private static readonly int[] Stages = [100 + Sample, Alarms, 10000];

    public static async Task RunAsync()
    {
        await using var host = await BenchmarkHost.StartAsync(settings: new Dictionary<string, string?>
        {
            // Ticks would evaluate the growing project while it is measured.
            ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
        });
        var http = host.Http;
        var raw = new RawAlarmStorage(new TableServiceClient(host.Storage));
        using var counter = new StorageRequestCounter();

        Console.WriteLine($"Alarming API benchmark: {Environment.ProcessorCount} cores, Azurite in memory, one project growing to {Stages[^1]} alarms");
        Console.WriteLine($"{"operation",-30} {"conc",4} {"requests",8} {"req/s",9} {"raw Azurite/s",14} {"ratio",6}  storage requests per request");

        var created = 0;
        async Task CreateAsync(int _)
        {
            var n = Interlocked.Increment(ref created);
            using var response = await http.PostAsJsonAsync("/v2/alarms", Body($"bench-{n}"));
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Warm up both paths (JIT, connections, table creation) outside the measurements.
        await Measure.RunAsync(20, 4, CreateAsync);
        await raw.PrepareAsync();
        await Measure.RunAsync(20, 4, raw.CreateAsync);

        var rates = new List<double>();
        foreach (var size in Stages)
        {
            var samples = size == Alarms ? new[] { (1, Sample / 2), (16, Sample) } : [(16, Sample)];
            await Measure.RunAsync(size - samples.Sum(s => s.Item2) - created, 16, CreateAsync);
            foreach (var (concurrency, count) in samples)
            {
                var present = created;
                counter.TakeBreakdown(1);
                var api = await Measure.RunAsync(count, concurrency, CreateAsync);
                var used = counter.TakeBreakdown(count);
                var storage = await Measure.RunAsync(count, concurrency, raw.CreateAsync);
                Report($"create alarm ({present} present)", concurrency, count, api, storage, used);
                if (concurrency == 16)
                {
                    rates.Add(api);
                }
            }
            if (size == Alarms)
            {
                await ListBenchmarkAsync(http, raw, counter);
            }
        }
        Console.WriteLine($"create rate at {Stages[^1] - Sample} alarms / at {Stages[0] - Sample}: {rates[^1] / rates[0]:F2}");
        Console.WriteLine("raw create = quota point read + alarmids upsert + alarm/name/outbox transaction + history upsert " +
                          "(what a create must write before it answers); raw list = the query of the project's partitions, entities read");
    }

    private static async Task ListBenchmarkAsync(HttpClient http, RawAlarmStorage raw, StorageRequestCounter counter)
    {
        var listed = await http.GetFromJsonAsync<JsonArray>("/v2/alarms");
        if (listed!.Count != Alarms)
        {
            throw new InvalidOperationException($"expected {Alarms} alarms, listed {listed.Count}");
        }
        async Task ListAsync(int _)
        {
            using var response = await http.GetAsync("/v2/alarms");
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode || body.Length < Alarms * 100)
            {
                throw new InvalidOperationException($"list answered {(int)response.StatusCode} with {body.Length} bytes");
            }
        }
        await Measure.RunAsync(5, 1, ListAsync);
        await Measure.RunAsync(5, 1, raw.ListAsync);
        foreach (var (count, concurrency) in new[] { (40, 1), (96, 16) })
        {
            counter.TakeBreakdown(1);
            var api = await Measure.RunAsync(count, concurrency, ListAsync);
            var used = counter.TakeBreakdown(count);
            var storage = await Measure.RunAsync(count, concurrency, raw.ListAsync);
            Report($"list {Alarms} alarms", concurrency, count, api, storage, used);
        }
    }

    private static JsonObject Body(string name) => new()
    {
        ["name"] = name,
        ["type"] = "gnocchi_resources_threshold",
        ["alarm_actions"] = new JsonArray("http://127.0.0.1:9/hook"),
        ["gnocchi_resources_threshold_rule"] = new JsonObject
        {
            ["metric"] = "cpu", ["resource_id"] = "vm-1", ["resource_type"] = "instance", ["comparison_operator"] = "gt",
            ["threshold"] = 80, ["aggregation_method"] = "mean", ["evaluation_periods"] = 3, ["granularity"] = 300,
        },
    };

    private static void Report(string operation, int concurrency, int count, double apiRate, double storageRate, string used) =>
        Console.WriteLine($"{operation,-30} {concurrency,4} {count,8} {apiRate,9:F1} {storageRate,14:F1} {apiRate / storageRate,6:F2}  {used}");
}
