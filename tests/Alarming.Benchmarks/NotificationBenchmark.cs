using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Silences;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Silences;
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
/// receiver, one at a time and 16 at a time, for a project without silences and one with <see cref="SilenceCount"/>
/// active silences (none matching: the cost of the check), in interleaved blocks, next to the raw Azurite
/// receive+delete rate of a queue in the same run; and breach-to-webhook latency from the tick that sees the breach, with a
/// few alarms breaching per tick among steady ones, and with all of them breaching at once.</summary>
internal static class NotificationBenchmark
{
    private const int WarmUp = 200;
    private const int Block = 1000;
    private const int StormAlarms = 300;
    private const int BreachesPerTick = 10;
    private const int Rounds = 20;
    private const int SilenceCount = 100;
    private const int RatePairs = 4;
    private const int CheckCalls = 20_000;
    private const string PlainProject = "bench";
    private const string SilencedProject = "bench-silenced";
    private static readonly DateTimeOffset FirstTick = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The keys of Aodh 15's webhook body, in its order (as recorded in tests/Alarming.Functions.Tests/Notification/webhook-payloads.aodh15.json).</summary>
    private static readonly string[] AodhKeys = ["alarm_name", "alarm_id", "severity", "previous", "current", "reason", "reason_data"];

    public static async Task RunAsync(bool rates, bool latency)
    {
        Console.WriteLine($"Alarming notification benchmark: {Environment.ProcessorCount} cores, Azurite in memory, loopback receiver");
        if (rates)
        {
            Console.WriteLine($"delivery rate: {RatePairs} pairs of {Block}-message blocks per concurrency, one project without silences and one with {SilenceCount} active, ABBA order, after {WarmUp} warm-up messages");
            Console.WriteLine("(rates leave out the time Azurite stalled, shown, with the rates including it beside)");
            Console.WriteLine($"{"concurrency",-12} {"pair",5} {"without/s",10} {"with/s",10} {"with/without",13} {"Azurite stalled",17} {"including stalls",17}");
            foreach (var concurrency in new[] { 1, 16 })
            {
                await DeliveryRatesAsync(concurrency);
            }
        }
        if (latency)
        {
            await SparseLatencyAsync(100);
            await SparseLatencyAsync(1000);
            await StormLatencyAsync();
        }
    }

    /// <summary>Blocks of notifications for two projects in turn on one Azurite, the silenced project's blocks in
    /// ABBA order with the other's, each block filled with the host stopped, on emptied delivery tables, and delivered
    /// by a host started on it: the queue and the tables are the same for every block, and a drift of the machine
    /// weighs on both sides alike, which separate runs (each with a fresh Azurite, whose Node starts cold) did not.</summary>
    private static async Task DeliveryRatesAsync(int concurrency)
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var azurite = await BenchmarkHost.StartAzuriteAsync();
        await AddSilencesAsync(azurite.ConnectionString, SilencedProject, SilenceCount);
        await DeliverBlockAsync(azurite, receiver, concurrency, WarmUp, PlainProject);
        var rawRate = await RawReceiveDeleteRateAsync(azurite.ConnectionString, concurrency, receiver.Url);

        var ratios = new List<double>();
        var overallRatios = new List<double>();
        var ratesWithout = new List<double>();
        for (var pair = 0; pair < RatePairs; pair++)
        {
            // Pairs alternate which side comes first: without, with; with, without; ...
            var silencedFirst = pair % 2 == 1;
            var first = await DeliverBlockAsync(azurite, receiver, concurrency, Block, silencedFirst ? SilencedProject : PlainProject);
            var second = await DeliverBlockAsync(azurite, receiver, concurrency, Block, silencedFirst ? PlainProject : SilencedProject);
            var (without, with) = silencedFirst ? (second, first) : (first, second);
            ratios.Add(with.Rate / without.Rate);
            overallRatios.Add(with.Overall / without.Overall);
            ratesWithout.Add(without.Rate);
            Console.WriteLine($"{concurrency,-12} {pair + 1,5} {without.Rate,10:F0} {with.Rate,10:F0} {ratios[^1],13:P1} " +
                              $"{without.Stalled.TotalSeconds,11:F1} / {with.Stalled.TotalSeconds:F1} s {without.Overall:F0} / {with.Overall:F0} per s");
        }
        Console.WriteLine($"{"",-12} c={concurrency}: the rate with is {Median(ratios):P1} of the rate without (median of {RatePairs} pairs; " +
                          $"{Median(overallRatios):P1} including Azurite's stalls); " +
                          $"raw Azurite receive+delete of {Block} messages before the first block {rawRate:F0}/s");

        var (checkWith, checkWithout) = await SilenceCheckMicrosecondsAsync(azurite.ConnectionString);
        var deliveryMicroseconds = 1e6 / Median(ratesWithout);
        Console.WriteLine($"{"",-12} c={concurrency}: the check alone, in process: {checkWith:F1} µs per notification with {SilenceCount} silences, " +
                          $"{checkWithout:F1} µs without; the difference is {(checkWith - checkWithout) / deliveryMicroseconds:P2} of a delivery's " +
                          $"{deliveryMicroseconds / 1000:F2} ms at the median rate without (as if the check held up every delivery)");
    }

    /// <summary>The storage ceiling: Azurite's receive+delete/s of <see cref="Block"/> notify messages on a queue of their own.</summary>
    private static async Task<double> RawReceiveDeleteRateAsync(string storage, int concurrency, string url)
    {
        var raw = Queue(storage, "bench-raw");
        await FillAsync(raw, Block, i => NotifyMessage($"raw-{i}", PlainProject, url));
        return await Measure.RunAsync(Block, concurrency, async _ =>
        {
            var message = (await raw.ReceiveMessageAsync()).Value ?? throw new InvalidOperationException("the raw queue ran dry");
            await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        });
    }

    /// <summary>Drops what earlier blocks recorded (outcomes and delivery log), so each block starts on the same tables:
    /// Azurite scans a whole table for a query, and the rate fell by half over eight blocks without this.</summary>
    private static async Task EmptyDeliveryTablesAsync(string storage)
    {
        await using var services = StorageServices(storage);
        var tables = services.GetRequiredService<TableClientFactory>();
        await tables.Notifications.DeleteAsync();
        await tables.Deliveries.DeleteAsync();
        await tables.CreateAllAsync(CancellationToken.None);
    }

    /// <summary>Microseconds per notification in <see cref="ActiveSilences.MutingAsync"/>, the notifier's check, for the
    /// silenced project and for the plain one, with the project's silences cached as the notifier has them.</summary>
    private static async Task<(double With, double Without)> SilenceCheckMicrosecondsAsync(string storage)
    {
        await using var services = StorageServices(storage);
        var active = new ActiveSilences(services.GetRequiredService<ISilenceStore>(), TimeProvider.System);
        async Task<double> PerCallAsync(string project, int calls)
        {
            var target = new SilenceTarget(Guid.NewGuid().ToString(), "cpu-high-1", null, "low", "alarm", null, null, "bench-user", project);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                if ((await active.MutingAsync(target, CancellationToken.None)).Count != 0)
                {
                    throw new InvalidOperationException("a benchmark silence matched");
                }
            }
            return watch.Elapsed.TotalMicroseconds / calls;
        }
        await PerCallAsync(SilencedProject, 1000);
        await PerCallAsync(PlainProject, 1000);
        return (await PerCallAsync(SilencedProject, CheckCalls), await PerCallAsync(PlainProject, CheckCalls));
    }

    /// <remarks>The metric store's median: with an even count, halfway between the two middle values.</remarks>
    private static double Median(List<double> values) => Aggregator.Compute("median", values) ?? double.NaN;

    /// <summary>Fills <c>alarm-notify</c> with <paramref name="count"/> notifications of <paramref name="project"/>,
    /// then starts a host that delivers them; the deliveries/s from the first webhook call to the last, leaving out
    /// the gaps between calls over which Azurite stalled, and including them.</summary>
    private static async Task<BlockRate> DeliverBlockAsync(AzuriteProcess azurite, LoopbackReceiver receiver, int concurrency, int count, string project)
    {
        await EmptyDeliveryTablesAsync(azurite.ConnectionString);
        var queue = Queue(azurite.ConnectionString, QueueNames.Notify);
        await FillAsync(queue, count, i => NotifyMessage($"cpu-high-{i}", project, receiver.Url));
        var before = receiver.Count;
        await using var probe = new AzuriteStallProbe(queue);
        // As Functions does: batchSize messages at once, the next batch when half are done; 1 means one at a time.
        await using (var host = await BenchmarkHost.StartOnAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = concurrency.ToString(),
            ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = (concurrency / 2).ToString(),
        }))
        {
            await receiver.WaitForAsync(before + count, TimeSpan.FromMinutes(10));
            // Every message settled (outcome recorded, message deleted), so none comes back in the next block.
            await host.WaitForIdleAsync(QueueNames.Notify);
        }
        var calls = receiver.Calls.Skip(before).ToList();
        CheckBodies(calls.Select(c => c.Body), count);
        var arrivals = calls.Select(c => c.Arrived).Order().ToList();
        var elapsed = Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1]);
        var stalled = TimeSpan.FromTicks(arrivals.Zip(arrivals.Skip(1))
            .Where(gap => probe.StalledBetween(gap.First, gap.Second))
            .Sum(gap => Stopwatch.GetElapsedTime(gap.First, gap.Second).Ticks));
        return new BlockRate((count - 1) / (elapsed - stalled).TotalSeconds, (count - 1) / elapsed.TotalSeconds, stalled);
    }

    /// <param name="Rate">Deliveries/s leaving out the time Azurite stalled.</param>
    /// <param name="Overall">Deliveries/s including it.</param>
    private sealed record BlockRate(double Rate, double Overall, TimeSpan Stalled);

    /// <summary>Silences of the project, active throughout, half one-off and half recurring, whose
    /// filters match the name (a regex, run for every notification) and severity: none matches a benchmark notification, so each is checked and all are delivered.</summary>
    private static async Task AddSilencesAsync(string storage, string project, int count)
    {
        await using var services = StorageServices(storage);
        await services.GetRequiredService<TableClientFactory>().CreateAllAsync(CancellationToken.None);
        var store = services.GetRequiredService<ISilenceStore>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var filter = $$$"""{"and":[{"=~":{"name":"^db-{{{i}}}-"}},{"=":{"severity":"critical"}}]}""";
            await store.AddAsync(new Silence(Guid.NewGuid().ToString(), project, "bench-user", $"maintenance {i}", filter, now.AddHours(-1),
                i % 2 == 0 ? now.AddDays(1) : null, i % 2 == 0 ? null : new SilenceSchedule("0 * * * *", 7200, "Europe/Berlin"), true, true, now),
                CancellationToken.None);
        }
    }

    private static ServiceProvider StorageServices(string storage) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage }).Build())
        .AddAlarmingStorage().BuildServiceProvider();

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

    private static async Task FillAsync(QueueClient queue, int count, Func<int, string> message)
    {
        await queue.CreateIfNotExistsAsync();
        await Measure.RunAsync(count, 16, async i => await queue.SendMessageAsync(message(i)));
    }

    /// <summary>An <c>alarm-notify</c> message as the evaluator writes it.</summary>
    private static string NotifyMessage(string name, string project, string url) => new JsonObject
    {
        ["notification_id"] = Guid.NewGuid().ToString(),
        ["alarm_id"] = Guid.NewGuid().ToString(),
        ["alarm_name"] = name,
        ["severity"] = "low",
        ["project_id"] = project,
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
