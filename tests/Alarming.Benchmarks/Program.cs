using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Functions.Host;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Host.Settings;
using Azure;
using Azure.Data.Tables;

// Alarm create and list through HTTP (Kestrel → function → Azurite) next to the raw Azurite rate of
// the storage operations each request makes, on one fresh in-memory Azurite.
const int Alarms = 1000;
var projectDirectory = ProjectDirectory.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
await using var azurite = await AzuriteProcess.StartOnFreePortsAsync(projectDirectory);
var port = AzuriteProcess.FreePort();
var app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions
{
    ProjectDirectory = projectDirectory,
    Port = port,
    Settings = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Logging:LogLevel:Default"] = "Warning",
    },
});
await app.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
http.DefaultRequestHeaders.Add("X-Project-Id", "bench");
http.DefaultRequestHeaders.Add("X-User-Id", "bench-user");

var tables = new TableServiceClient(azurite.ConnectionString);
var raw = new RawStorage(tables);

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
await app.StopAsync();
return;

static JsonObject Body(string name) => new()
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

static void Report(string operation, int concurrency, int count, double apiRate, double storageRate) =>
    Console.WriteLine($"{operation,-28} {concurrency,4} {count,8} {apiRate,9:F1} {storageRate,14:F1} {apiRate / storageRate,6:F2}");

/// <summary>Runs <c>count</c> operations on <c>concurrency</c> workers and returns operations per second.</summary>
internal static class Measure
{
    public static async Task<double> RunAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }
}

/// <summary>The storage operations of one create and one list, done directly with the SDK on
/// entities copied from a real alarm, so the sizes match.</summary>
internal sealed class RawStorage(TableServiceClient tables)
{
    private readonly TableClient alarms = tables.GetTableClient("alarms");
    private readonly TableClient alarmIds = tables.GetTableClient("alarmids");
    private readonly TableClient history = tables.GetTableClient("history");
    private readonly TableClient quotas = tables.GetTableClient("quotas");
    private TableEntity alarm = null!;
    private TableEntity change = null!;

    public async Task PrepareAsync()
    {
        alarm = await alarms.QueryAsync<TableEntity>("PartitionKey eq 'bench' and RowKey lt 'name:'", maxPerPage: 1).FirstAsync();
        change = await history.QueryAsync<TableEntity>(maxPerPage: 1).FirstAsync();
    }

    public async Task CreateAsync(int _)
    {
        var id = Guid.NewGuid().ToString();
        await quotas.GetEntityIfExistsAsync<TableEntity>("raw", "alarms");
        await alarmIds.UpsertEntityAsync(new TableEntity(id, "") { ["Partition"] = "raw" });
        var entity = new TableEntity(alarm) { PartitionKey = "raw", RowKey = id, ETag = default };
        await alarms.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, entity),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("raw", "name:" + id) { ["AlarmId"] = id }),
        ]);
        await history.UpsertEntityAsync(new TableEntity(change) { PartitionKey = id, RowKey = "0_" + id, ETag = ETag.All });
    }

    public async Task ListAsync(int _)
    {
        var count = 0;
        await foreach (var entity in alarms.QueryAsync<TableEntity>("PartitionKey eq 'bench' and RowKey lt 'name:'", maxPerPage: 1000))
        {
            count += entity.Count > 0 ? 1 : 0;
        }
        if (count != 1000)
        {
            throw new InvalidOperationException($"raw list read {count} entities");
        }
    }
}
