using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Evaluation;

/// <summary>A host killed in the middle of a tick's evaluation loses nothing and doubles nothing.</summary>
public sealed class HostCrashTests
{
    private static readonly Dictionary<string, string> FastTicks = new()
    {
        ["AlarmEvaluationSchedule"] = "*/2 * * * * *",
        ["Evaluator__EvaluationIntervalSeconds"] = "2",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.100",
        ["Evaluator__BatchSize"] = "20",
    };

    [Fact]
    public async Task KilledMidEvaluation_EveryAlarmReachesItsState_AndNoTransitionIsRecordedTwice()
    {
        await using var azurite = await AzuriteProcess.StartOnFreePortsAsync(AlarmingHostFixture.ProjectDirectory);
        var first = await HostProcess.StartAsync(azurite.ConnectionString, FastTicks);
        var project = new ApiClient(first.Address, "u1", "p-crash", "member");
        var resource = await project.CreateResourceAsync("cpu");
        await project.PushAsync(resource, "cpu", (DateTimeOffset.UtcNow.AddSeconds(-70), 90), (DateTimeOffset.UtcNow.AddSeconds(-10), 95));
        const int Alarms = 300;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async worker =>
        {
            for (var i = worker; i < Alarms; i += 10)
            {
                var body = MetricClient.ThresholdAlarm(resource, threshold: 50, periods: 1);
                body["enabled"] = false;  // created quiet, enabled together below
                await project.CreateAlarmAsync(body);
            }
        }));
        var alarms = (await project.GetAsync("/v2/alarms")).Json!.AsArray().Select(a => a!.AsObject()).ToList();
        await Task.WhenAll(alarms.Chunk(30).Select(async chunk =>
        {
            foreach (var alarm in chunk)
            {
                var enabled = alarm.DeepClone().AsObject();
                enabled["enabled"] = true;
                Assert.Equal(HttpStatusCode.OK, (await project.PutAsync($"/v2/alarms/{alarm["alarm_id"]}", enabled)).Status);
            }
        }));

        // Kill the host as soon as the first alarms have moved, while the rest are being evaluated.
        await Eventually.TrueAsync(async () => await CountInAlarmAsync(project) > 0, "the first transitions", timeoutSeconds: 120);
        first.Kill();
        // Read the table itself: no host serves the API now.
        var table = new Azure.Data.Tables.TableClient(azurite.ConnectionString, "alarms");
        var movedAtKill = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>("ProjectId eq 'p-crash' and State eq 'alarm'"))
        {
            movedAtKill++;
        }

        await using var second = await HostProcess.StartAsync(azurite.ConnectionString, FastTicks);
        var after = new ApiClient(second.Address, "u1", "p-crash", "member");
        await Eventually.TrueAsync(async () => await CountInAlarmAsync(after) == Alarms, "every alarm in alarm", timeoutSeconds: 180);

        // A transition the kill interrupted after its write is finished by the next tick or the outbox sweep.
        await Eventually.TrueAsync(async () => (await TransitionsAsync(after)).Count == Alarms, "a transition entry per alarm", timeoutSeconds: 120);
        var transitions = await TransitionsAsync(after);
        Assert.All(transitions.Values, count => Assert.Equal(1, count));
        Assert.True(movedAtKill < Alarms, $"the kill came after all {Alarms} alarms had moved; the test proved nothing");
    }

    private static async Task<Dictionary<string, int>> TransitionsAsync(ApiClient project) =>
        (await project.PostAsync("/v2/query/alarms/history", new JsonObject { ["filter"] = "{\"=\": {\"type\": \"state transition\"}}" }))
            .Json!.AsArray().GroupBy(h => h!["alarm_id"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<int> CountInAlarmAsync(ApiClient project) =>
        (await project.GetAsync("/v2/alarms?q.field=state&q.value=alarm")).Json!.AsArray().Count;
}
