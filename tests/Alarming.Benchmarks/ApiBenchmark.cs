using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace Alarming.Benchmarks;

/// <summary>Alarm create and list through HTTP (Kestrel → function → Azurite) next to the raw
/// Azurite rate of the storage operations each request makes, on one fresh in-memory Azurite.</summary>
internal static class ApiBenchmark
{
    private const int Alarms = 1000;

    public static async Task RunAsync()
    {
        await using var host = await BenchmarkHost.StartAsync();
        var http = host.Http;
        var raw = new RawAlarmStorage(new TableServiceClient(host.Storage));

        Console.WriteLine($"Alarming API benchmark: {Environment.ProcessorCount} cores, Azurite in memory, {Alarms} alarms");
        Console.WriteLine($"{"operation",-28} {"conc",4} {"requests",8} {"req/s",9} {"raw Azurite/s",14} {"ratio",6}");

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

        foreach (var (count, concurrency) in new[] { (300, 1), (Alarms - 320, 16) })
        {
            var api = await Measure.RunAsync(count, concurrency, CreateAsync);
            var storage = await Measure.RunAsync(count, concurrency, raw.CreateAsync);
            Report("create alarm", concurrency, count, api, storage);
        }

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
            var api = await Measure.RunAsync(count, concurrency, ListAsync);
            var storage = await Measure.RunAsync(count, concurrency, raw.ListAsync);
            Report($"list {Alarms} alarms", concurrency, count, api, storage);
        }
        Console.WriteLine("raw create = quota point read + alarmids upsert + 2-entity transaction + history upsert; raw list = the partition query, entities read");
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

    private static void Report(string operation, int concurrency, int count, double apiRate, double storageRate) =>
        Console.WriteLine($"{operation,-28} {concurrency,4} {count,8} {apiRate,9:F1} {storageRate,14:F1} {apiRate / storageRate,6:F2}");
}
