using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Functions.Events;
using Alarming.Storage.Alarms;
using Alarming.Storage.Queues;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Alarming.Benchmarks;

/// <summary>Event alarms: 10,000 over 100 projects, beside 10,000 threshold alarms in the same
/// projects. Events ingested over HTTP and evaluated from <c>alarm-events</c>, each against the raw
/// Azurite rate of the storage operations it needs in the same run; event-to-webhook latency for
/// sparse matches and for a burst of matching events.</summary>
internal static class EventBenchmark
{
    private const int Projects = 100;
    private const int EventAlarmsPerProject = 100;
    private const int ThresholdAlarmsPerProject = 100;
    private const int IngestedEvents = 2000;
    private const int SparseEvents = 50;
    private const int BurstEvents = 1000;

    public static async Task RunAsync()
    {
        Console.WriteLine($"Alarming event benchmark: {Environment.ProcessorCount} cores, Azurite in memory, loopback receiver");
        await IngestAsync();
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var host = await BenchmarkHost.StartAsync();
        var http = host.Http;
        http.DefaultRequestHeaders.Add("X-Roles", "admin");
        var seeding = Stopwatch.StartNew();
        var total = Projects * (EventAlarmsPerProject + ThresholdAlarmsPerProject);
        await Measure.RunAsync(total, 16, async i => await CreateAlarmAsync(http, i % Projects, i / Projects, receiver.Url));
        Console.WriteLine($"seeded {Projects * EventAlarmsPerProject} event and {Projects * ThresholdAlarmsPerProject} threshold alarms in " +
                          $"{Projects} projects in {seeding.Elapsed.TotalSeconds:F0} s");

        await EvaluateAsync(host);
        await SparseLatencyAsync(http, receiver);
        await BurstLatencyAsync(http, receiver);
    }

    /// <summary>The HTTP intake alone, on a host whose event evaluator is off: validate, map, one queue put per event.</summary>
    private static async Task IngestAsync()
    {
        await using var host = await BenchmarkHost.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"AzureWebJobs.{EvaluateEventsFunction.Name}.Disabled"] = "true",
        });
        host.Http.DefaultRequestHeaders.Add("X-Roles", "admin");
        var ingested = await Measure.RunAsync(IngestedEvents, 16, async i =>
            await Responses.ExpectAsync(await host.Http.PostAsJsonAsync("/v2/events", Event($"miss-{i}", i % Projects, "nobody")), 202));
        var raw = new QueueClient(host.Storage, "bench-raw-events");
        await raw.CreateIfNotExistsAsync();
        var body = Event("raw", 0, "nobody").ToJsonString();
        var rawPut = await Measure.RunAsync(IngestedEvents, 16, async _ => await raw.SendMessageAsync(body));
        Console.WriteLine($"ingest over HTTP, 16 concurrent, evaluator off: {ingested:F1} events/s; raw queue put {rawPut:F1}/s; ratio {ingested / rawPut:F2}");
    }

    /// <summary>Events that match no alarm, put on <c>alarm-events</c> at once: what every event costs before any alarm fires.</summary>
    private static async Task EvaluateAsync(BenchmarkHost host)
    {
        var events = new QueueClient(host.Storage, QueueNames.Events, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var counter = new StorageRequestCounter();
        var watch = Stopwatch.StartNew();
        await Measure.RunAsync(IngestedEvents, 16, async i => await events.SendMessageAsync(Event($"miss-{i}", i % Projects, "nobody").ToJsonString()));
        while ((await events.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(20);
        }
        await host.WaitForEvaluationIdleAsync();
        var evaluated = IngestedEvents / watch.Elapsed.TotalSeconds;
        var perEvent = counter.TakeBreakdown(IngestedEvents);
        counter.Dispose();

        var raw = new QueueClient(host.Storage, "bench-raw-events");
        await raw.CreateIfNotExistsAsync();
        var body = Event("raw", 0, "nobody").ToJsonString();
        await Measure.RunAsync(IngestedEvents, 16, async _ => await raw.SendMessageAsync(body));
        var alarms = new TableClient(host.Storage, "alarms");
        var rawEvaluate = await Measure.RunAsync(IngestedEvents, 16, async i =>
        {
            var message = (await raw.ReceiveMessageAsync()).Value ?? throw new InvalidOperationException("the raw queue ran dry");
            var filter = $"{AlarmPartition.ProjectFilter(Project(i % Projects))} and RowKey ge 'on-event:' and RowKey lt 'on-event;'";
            await foreach (var _ in alarms.QueryAsync<TableEntity>(filter, maxPerPage: 1000))
            {
            }
            await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        });
        Console.WriteLine($"evaluated from the queue (put to drained): {evaluated:F1} events/s; raw receive + index range read + delete {rawEvaluate:F1}/s; " +
                          $"ratio {evaluated / rawEvaluate:F2}");
        Console.WriteLine($"  storage requests per event (the benchmark's own put included): {perEvent}");
        Console.WriteLine($"  (each event reads its project's index of {EventAlarmsPerProject} event alarms; its {ThresholdAlarmsPerProject} threshold alarms are not read, " +
                          "but Azurite scans the whole table for every query)");
    }

    /// <summary>One matching event at a time.</summary>
    private static async Task SparseLatencyAsync(HttpClient http, LoopbackReceiver receiver)
    {
        var latencies = new List<double>();
        for (var i = 0; i < SparseEvents; i++)
        {
            var before = receiver.Count;
            var start = Stopwatch.GetTimestamp();
            await Responses.ExpectAsync(await http.PostAsJsonAsync("/v2/events", Event($"sparse-{i}", i % Projects, Target(i % Projects, i % EventAlarmsPerProject))), 202);
            await receiver.WaitForAsync(before + 1, TimeSpan.FromMinutes(1));
            latencies.Add(Stopwatch.GetElapsedTime(start, receiver.Calls[^1].Arrived).TotalSeconds);
        }
        Console.WriteLine($"event to webhook, sparse (one matching event at a time, {SparseEvents} events): {LatencySummary.Of(latencies)}");
    }

    /// <summary>Matching events posted all at once, each for another alarm.</summary>
    private static async Task BurstLatencyAsync(HttpClient http, LoopbackReceiver receiver)
    {
        var before = receiver.Count;
        var posted = new ConcurrentDictionary<string, long>();
        var start = Stopwatch.GetTimestamp();
        await Measure.RunAsync(BurstEvents, 16, async i =>
        {
            var id = $"burst-{i}";
            posted[id] = Stopwatch.GetTimestamp();
            await Responses.ExpectAsync(await http.PostAsJsonAsync("/v2/events", Event(id, i % Projects, Target(i % Projects, i / Projects % EventAlarmsPerProject))), 202);
        });
        await receiver.WaitForAsync(before + BurstEvents, TimeSpan.FromMinutes(5));
        var calls = receiver.Calls.Skip(before).ToList();
        var fromStart = calls.Select(c => Stopwatch.GetElapsedTime(start, c.Arrived).TotalSeconds).ToList();
        var fromPost = calls.Select(c => Stopwatch.GetElapsedTime(posted[MessageId(c.Body)], c.Arrived).TotalSeconds).ToList();
        Console.WriteLine($"event to webhook, burst of {BurstEvents} matching events: from the burst's start {LatencySummary.Of(fromStart)}; " +
                          $"from each event's post {LatencySummary.Of(fromPost)}");
    }

    private static string MessageId(string webhookBody) =>
        JsonNode.Parse(webhookBody)!["reason_data"]!["event"]!["message_id"]!.GetValue<string>();

    private static string Project(int project) => $"events-{project}";

    private static string Target(int project, int alarm) => $"t-{project}-{alarm}";

    private static JsonObject Event(string messageId, int project, string target) => new()
    {
        ["message_id"] = messageId,
        ["event_type"] = "bench.target.down",
        ["generated"] = "2026-01-05T10:00:00",
        ["traits"] = new JsonArray(new JsonArray("project_id", 1, Project(project)), new JsonArray("target", 1, target)),
        ["raw"] = new JsonObject(),
    };

    /// <summary>Alarm <c>n</c> of a project: the first ones event alarms (repeating, so every match
    /// calls the receiver), the rest threshold alarms that only take room.</summary>
    private static async Task CreateAlarmAsync(HttpClient http, int project, int n, string url) =>
        await Responses.ExpectAsync(await http.PostAsJsonAsync("/v2/alarms", n < EventAlarmsPerProject
            ? new JsonObject
            {
                ["name"] = $"event-{n}", ["type"] = "event", ["project_id"] = Project(project), ["repeat_actions"] = true,
                ["alarm_actions"] = new JsonArray(url),
                ["event_rule"] = new JsonObject
                {
                    ["event_type"] = "bench.*",
                    ["query"] = new JsonArray(new JsonObject { ["field"] = "traits.target", ["op"] = "eq", ["value"] = Target(project, n), ["type"] = "string" }),
                },
            }
            : new JsonObject
            {
                ["name"] = $"cpu-{n}", ["type"] = "gnocchi_resources_threshold", ["project_id"] = Project(project),
                ["gnocchi_resources_threshold_rule"] = new JsonObject
                {
                    ["metric"] = "cpu_util", ["resource_id"] = $"r-{n}", ["resource_type"] = "generic", ["comparison_operator"] = "gt",
                    ["threshold"] = 80.0, ["aggregation_method"] = "mean", ["granularity"] = 60,
                },
            }), 201);
}
