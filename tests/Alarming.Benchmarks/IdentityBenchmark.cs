using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures.Keystone;

namespace Alarming.Benchmarks;

/// <summary>The cost of keystone mode: requests/s of an authenticated <c>GET /v2/alarms</c> with the
/// token cache on and off, against a real Keystone (Debian's package under uwsgi, as the tests run
/// it), next to the two ceilings: Keystone's own validation rate and the same request in noauth mode.</summary>
internal static class IdentityBenchmark
{
    private const int Concurrency = 16;
    private const int Alarms = 10;

    public static async Task RunAsync()
    {
        if (!KeystoneProcess.IsInstalled)
        {
            throw new InvalidOperationException("the identity benchmark needs Debian's keystone, uwsgi and uwsgi-plugin-python3");
        }
        await using var keystone = await KeystoneProcess.CreateAsync();
        using var admin = new KeystoneAdmin(keystone);
        var service = await admin.CreateUserInProjectAsync("alarming", "service", "service");
        var member = await admin.CreateUserInProjectAsync("bench", "bench", "member");
        var (token, _) = await admin.LoginAsync(member.Name, member.Password, member.Project);

        Console.WriteLine($"Alarming identity benchmark: {Environment.ProcessorCount} cores, GET /v2/alarms of a project with {Alarms} alarms, " +
                          $"concurrency {Concurrency}, one token reused; Keystone: one uwsgi process, 4 threads, SQLite, in-memory cache");
        Console.WriteLine($"{"what",-58} {"requests",8} {"req/s",9}");
        foreach (var (label, seconds, count) in new[] { ("keystone mode, token cache on (CacheSeconds=300)", 300, 3000), ("keystone mode, token cache off (CacheSeconds=0)", 0, 400) })
        {
            await using var host = await BenchmarkHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Auth:Mode"] = "keystone",
                ["Auth:Keystone:Url"] = keystone.Url.ToString(),
                ["Auth:Keystone:Username"] = service.Name,
                ["Auth:Keystone:Password"] = service.Password,
                ["Auth:Keystone:ProjectName"] = service.Project,
                ["Auth:Keystone:CacheSeconds"] = seconds.ToString(),
                ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
            });
            Report(label, count, await ListRateAsync(host.Http, token, count));
        }
        Report("ceiling: Keystone's own GET /v3/auth/tokens", 400, await KeystoneRateAsync(admin, service, token, 400));
        await using (var noauth = await BenchmarkHost.StartAsync(settings: new Dictionary<string, string?>
                     {
                         ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
                     }))
        {
            Report("ceiling: noauth mode (no validation)", 3000, await ListRateAsync(noauth.Http, token: null, 3000));
        }
        Console.WriteLine("cache on: one validation, then hits; cache off: every request is one Keystone validation " +
                          "(uwsgi closes each connection); noauth's X-Project-Id stands for the token");
    }

    /// <summary>Fills the project, warms up, then measures its list.</summary>
    private static async Task<double> ListRateAsync(HttpClient http, string? token, int count)
    {
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (token is not null)
            {
                request.Headers.Add("X-Auth-Token", token);
            }
            var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            return response;
        }
        for (var i = 0; i < Alarms; i++)
        {
            (await SendAsync(HttpMethod.Post, "/v2/alarms", Body($"bench-{i}"))).Dispose();
        }
        async Task ListAsync(int _)
        {
            using var response = await SendAsync(HttpMethod.Get, "/v2/alarms", null);
            await response.Content.ReadAsByteArrayAsync();
        }
        await Measure.RunAsync(Math.Min(100, count), Concurrency, ListAsync);
        return await Measure.RunAsync(count, Concurrency, ListAsync);
    }

    private static async Task<double> KeystoneRateAsync(KeystoneAdmin admin, KeystoneUser service, string token, int count)
    {
        var (serviceToken, _) = await admin.LoginAsync(service.Name, service.Password, service.Project);
        using var http = new HttpClient();
        async Task ValidateAsync(int _)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(admin.Url + "/auth/tokens?nocatalog"));
            request.Headers.Add("X-Auth-Token", serviceToken);
            request.Headers.Add("X-Subject-Token", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
        await Measure.RunAsync(40, Concurrency, ValidateAsync);
        return await Measure.RunAsync(count, Concurrency, ValidateAsync);
    }

    private static JsonObject Body(string name) => new()
    {
        ["name"] = name,
        ["type"] = "event",
        ["event_rule"] = new JsonObject { ["event_type"] = "compute.instance.*" },
    };

    private static void Report(string what, int count, double rate) => Console.WriteLine($"{what,-58} {count,8} {rate,9:F1}");
}
