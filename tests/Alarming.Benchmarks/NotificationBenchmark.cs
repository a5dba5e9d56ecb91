using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Silences;
using Alarming.Storage;
using Alarming.Storage.Queues;
using Alarming.Storage.Silences;
using Alarming.Storage.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alarming.Benchmarks;

/// <summary>Webhook notifications: deliveries/s from a full <c>alarm-notify</c> queue to a loopback
/// receiver, one at a time and 16 at a time, without silences and with <see cref="SilenceCount"/> active
/// silences in the project (none matching: the cost of the check), next to the raw Azurite receive+delete rate
/// of the same queue in the same run; and breach-to-webhook latency from the tick that sees the breach, with a
/// few alarms breaching per tick among steady ones, and with all of them breaching at once.</summary>
internal static class NotificationBenchmark
{
    private const int Deliveries = 2000;
    private const int StormAlarms = 300;
    private const int BreachesPerTick = 10;
    private const int Rounds = 20;
    private const int SilenceCount = 100;
    private static readonly DateTimeOffset FirstTick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The keys of Aodh 15's webhook body, in its order (as recorded in tests/Alarming.Functions.Tests/Notification/webhook-payloads.aodh15.json).</summary>
    private static readonly string[] AodhKeys = ["alarm_name", "alarm_id", "severity", "previous", "current", "reason", "reason_data"];

    /// <param name="latencyOnly">Skips the delivery rates.</param>
    public static async Task RunAsync(bool latencyOnly)
    {
        Console.WriteLine($"Alarming notification benchmark: {Environment.ProcessorCount} cores, Azurite in memory, loopback receiver");
        if (!latencyOnly)
        {
            Console.WriteLine($"{"concurrency",-12} {"silences",9} {"deliveries",11} {"delivered/s",12} {"raw receive+delete/s",21} {"ratio",6}");
            foreach (var concurrency in new[] { 1, 16 })
            {
                var without = await DeliveryRateAsync(concurrency, 0);
                var with = await DeliveryRateAsync(concurrency, SilenceCount);
                Console.WriteLine($"{"",-12} silence check at c={concurrency}: {with / without,6:P1} of the rate without");
            }
        }
        await SparseLatencyAsync(100);
        await SparseLatencyAsync(1000);
        await StormLatencyAsync();
    }

    private static async Task<double> DeliveryRateAsync(int concurrency, int silences)
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        // As Functions does: batchSize messages at once, the next batch when half are done; 1 means one at a time.
        var settings = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = concurrency.ToString(),
            ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = (concurrency / 2).ToString(),
        };
        await using var host = await BenchmarkHost.StartAsync(settings: settings,
            beforeHost: async storage =>
            {
                await AddSilencesAsync(storage, silences);
                await FillAsync(Queue(storage, QueueNames.Notify), i => NotifyMessage(i, receiver.Url));
            });
        await receiver.WaitForAsync(Deliveries, TimeSpan.FromMinutes(10));
        var calls = receiver.Calls;
        CheckBodies(calls.Select(c => c.Body), Deliveries);
        var arrivals = calls.Select(c => c.Arrived).Order().ToList();
        var delivered = (Deliveries - 1) / Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1]).TotalSeconds;

        var raw = Queue(host.Storage, "bench-raw");
        await FillAsync(raw, i => NotifyMessage(i, receiver.Url));
        var rawRate = await Measure.RunAsync(Deliveries, concurrency, async _ =>
        {
            var message = (await raw.ReceiveMessageAsync()).Value ?? throw new InvalidOperationException("the raw queue ran dry");
            await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        });
        Console.WriteLine($"{concurrency,-12} {silences,9} {Deliveries,11} {delivered,12:F0} {rawRate,21:F0} {delivered / rawRate,6:F2}");
        return delivered;
    }

    /// <summary>Silences of the benchmark's project, active throughout, half one-off and half recurring, whose
    /// filters match the name (a regex, run for every notification) and severity: none matches a benchmark notification, so each is checked and all are delivered.</summary>
    private static async Task AddSilencesAsync(string storage, int count)
    {
        if (count == 0)
        {
            return;
        }
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage }).Build())
            .AddAlarmingStorage().BuildServiceProvider();
        await services.GetRequiredService<TableClientFactory>().CreateAllAsync(CancellationToken.None);
        var store = services.GetRequiredService<ISilenceStore>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var filter = $$$"""{"and":[{"=~":{"name":"^db-{{{i}}}-"}},{"=":{"severity":"critical"}}]}""";
            await store.AddAsync(new Silence(Guid.NewGuid().ToString(), "bench", "bench-user", $"maintenance {i}", filter, now.AddHours(-1),
                i % 2 == 0 ? now.AddDays(1) : null, i % 2 == 0 ? null : new SilenceSchedule("0 * * * *", 7200, "Europe/Berlin"), true, true, now),
                CancellationToken.None);
        }
    }

    /// <summary>Every alarm breaches in the same tick: the evaluator's transitions and the
    /// notifier share Azurite, so the last webhook waits for the whole storm.</summary>
    private static async Task StormLatencyAsync()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var clock = new FakeTimeProvider(FirstTick);
        await using var host = await BenchmarkHost.StartAsync(clock);
        var http = host.Http;
        http.DefaultRequestHeaders.Add("X-Roles", "admin");
        await Measure.RunAsync(StormAlarms, 16, async i =>
        {
            var resource = await CreateResourceAsync(http);
            await PushAsync(http, resource, Enumerable.Range(1, 5).Select(k => (FirstTick.AddMinutes(-k), 95.0)));
            await CreateAlarmAsync(http, resource, $"hot-{i}", receiver.Url);
        });
        var latencies = await TickAsync(http, receiver, StormAlarms);
        Console.WriteLine($"breach to webhook, storm: {StormAlarms} of {StormAlarms} alarms breach in one tick: {LatencySummary.Of(latencies)} ({latencies.Count} webhooks)");
    }

    /// <summary>A few alarms breach per tick among many steady ones, tick after tick.</summary>
    private static async Task SparseLatencyAsync(int steadyAlarms)
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var clock = new FakeTimeProvider(FirstTick);
        await using var host = await BenchmarkHost.StartAsync(clock);
        var http = host.Http;
        http.DefaultRequestHeaders.Add("X-Roles", "admin");
        var resources = new string[steadyAlarms];
        await Measure.RunAsync(steadyAlarms, 16, async i =>
        {
            resources[i] = await CreateResourceAsync(http);
            // A steady 50 every minute, from before the first tick to after the last.
            await PushAsync(http, resources[i], Enumerable.Range(-5, Rounds + 10).Select(k => (FirstTick.AddMinutes(k), 50.0)));
            await CreateAlarmAsync(http, resources[i], $"steady-{i}", receiver.Url);
        });
        await Responses.ExpectAsync(await http.PostAsync("/v2/admin/evaluate", null), 202);   // every alarm: insufficient data to ok, no action
        await host.WaitForEvaluationIdleAsync();

        var latencies = new List<double>();
        var ticks = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var tick = clock.GetUtcNow().AddMinutes(1);
            // The bucket's max (the alarms' aggregation) goes to 95 in the last three minutes; pushed
            // before the minute comes, as the minute timer fans the tick out the moment it does.
            // Each round breaches the next ten alarms, cycling; those of earlier rounds have gone back to ok by then.
            var first = round * BreachesPerTick % steadyAlarms;
            await Task.WhenAll(resources.Skip(first).Take(BreachesPerTick).Select(r =>
                PushAsync(http, r, Enumerable.Range(1, 3).Select(k => (tick.AddMinutes(-k).AddSeconds(30), 95.0)))));
            var before = receiver.Count;
            var watch = Stopwatch.StartNew();
            latencies.AddRange(await TickAsync(http, receiver, before + BreachesPerTick, skip: before, () => clock.Advance(TimeSpan.FromMinutes(1))));
            await host.WaitForEvaluationIdleAsync();
            ticks.Add(watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"breach to webhook, sparse: {BreachesPerTick} of {steadyAlarms} alarms breach per tick, {Rounds} ticks " +
                          $"(a tick takes {ticks.Order().ElementAt(ticks.Count / 2):F2} s): {LatencySummary.Of(latencies)} ({latencies.Count} webhooks)");
    }

    /// <summary>Starts a tick (the minute arriving, if given, then an admin evaluation, a no-op when the minute
    /// timer has claimed the tick) and returns each new call's delay after that start, in seconds.</summary>
    private static async Task<List<double>> TickAsync(HttpClient http, LoopbackReceiver receiver, int expectedCalls, int skip = 0,
        Action? minuteArrives = null)
    {
        var tick = Stopwatch.GetTimestamp();
        minuteArrives?.Invoke();
        await Responses.ExpectAsync(await http.PostAsync("/v2/admin/evaluate", null), 202);
        await receiver.WaitForAsync(expectedCalls, TimeSpan.FromMinutes(5));
        var calls = receiver.Calls.Skip(skip).ToList();
        CheckBodies(calls.Select(c => c.Body), expectedCalls - skip);
        return calls.Select(c => Stopwatch.GetElapsedTime(tick, c.Arrived).TotalSeconds).ToList();
    }

    private static async Task<string> CreateResourceAsync(HttpClient http)
    {
        var resource = Guid.NewGuid().ToString();
        await Responses.ExpectAsync(await http.PostAsJsonAsync("/v1/resource/generic", new JsonObject
        {
            ["id"] = resource,
            ["metrics"] = new JsonObject { ["cpu_util"] = new JsonObject { ["archive_policy_name"] = "medium" } },
        }), 201);
        return resource;
    }

    private static async Task PushAsync(HttpClient http, string resource, IEnumerable<(DateTimeOffset At, double Value)> measures) =>
        await Responses.ExpectAsync(await http.PostAsJsonAsync($"/v1/resource/generic/{resource}/metric/cpu_util/measures",
            new JsonArray(measures.Select(m => (JsonNode?)new JsonObject { ["timestamp"] = m.At.ToString("O"), ["value"] = m.Value }).ToArray())), 202);

    /// <summary>The max of each minute of the last three above 80 calls the receiver.</summary>
    private static async Task CreateAlarmAsync(HttpClient http, string resource, string name, string url) =>
        await Responses.ExpectAsync(await http.PostAsJsonAsync("/v2/alarms", new JsonObject
        {
            ["name"] = name,
            ["type"] = "gnocchi_resources_threshold",
            ["alarm_actions"] = new JsonArray(url),
            ["gnocchi_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu_util", ["resource_id"] = resource, ["resource_type"] = "generic", ["comparison_operator"] = "gt",
                ["threshold"] = 80.0, ["aggregation_method"] = "max", ["evaluation_periods"] = 3, ["granularity"] = 60,
            },
        }), 201);

    private static QueueClient Queue(string storage, string name) =>
        new(storage, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static async Task FillAsync(QueueClient queue, Func<int, string> message)
    {
        await queue.CreateIfNotExistsAsync();
        await Measure.RunAsync(Deliveries, 16, async i => await queue.SendMessageAsync(message(i)));
    }

    /// <summary>An <c>alarm-notify</c> message as the evaluator writes it.</summary>
    private static string NotifyMessage(int i, string url) => new JsonObject
    {
        ["notification_id"] = Guid.NewGuid().ToString(),
        ["alarm_id"] = Guid.NewGuid().ToString(),
        ["alarm_name"] = $"cpu-high-{i}",
        ["severity"] = "low",
        ["project_id"] = "bench",
        ["user_id"] = "bench-user",
        ["previous"] = "ok",
        ["current"] = "alarm",
        ["reason"] = "Transition to alarm due to 3 samples outside threshold, most recent: 95.0",
        ["reason_data"] = JsonNode.Parse("""{"type": "threshold", "disposition": "outside", "count": 3, "most_recent": 95.0}"""),
        ["actions"] = new JsonArray(url),
        ["tick"] = FirstTick.ToString("O"),
        ["v"] = 1,
    }.ToJsonString();

    /// <summary>Every call carries Aodh's body, and no alarm was called twice.</summary>
    private static void CheckBodies(IEnumerable<string> bodies, int expected)
    {
        var parsed = bodies.Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        if (parsed.Any(b => !b.Select(p => p.Key).SequenceEqual(AodhKeys)))
        {
            throw new InvalidOperationException("a webhook body is not Aodh's");
        }
        if (parsed.Select(b => (string?)b["alarm_id"]).Distinct().Count() != expected)
        {
            throw new InvalidOperationException($"expected {expected} distinct alarms called, got {parsed.Count} calls");
        }
    }
}
