using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Clients;

/// <summary>The official <c>gnocchi</c> CLI against the built-in metric store.</summary>
public sealed class GnocchiCliTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [CliFact("gnocchi", "python3-gnocchiclient")]
    public async Task Scenario_ResourcesPushAndReadMeasures()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var cli = OpenStackCli.Gnocchi(host.BaseAddress, "u-cli", project, "admin");

        var policies = (await cli.JsonAsync("archive-policy", "list")).AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("medium", policies);

        var resourceId = Guid.NewGuid().ToString();
        var created = await cli.JsonAsync("resource", "create", "--type", "generic", resourceId, "--project-id", project, "-n", "cpu:medium");
        Assert.Equal(resourceId, created["id"]!.GetValue<string>());
        Assert.Equal($"u-cli:{project}", created["creator"]!.GetValue<string>());

        var now = host.Time.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var add = await cli.RunAsync("measures", "add", "--resource-id", resourceId, "cpu",
            "-m", $"{minute.AddMinutes(-2):yyyy-MM-ddTHH:mm:ss}@10", "-m", $"{minute.AddMinutes(-2).AddSeconds(30):yyyy-MM-ddTHH:mm:ss}@20",
            "-m", $"{minute.AddMinutes(-1):yyyy-MM-ddTHH:mm:ss}@42.5");
        Assert.True(add.ExitCode == 0, add.Error);

        var measures = (await cli.JsonAsync("measures", "show", "--resource-id", resourceId, "cpu", "--granularity", "60")).AsArray();
        Assert.Equal([15.0, 42.5], measures.Select(m => m!["value"]!.GetValue<double>()).ToArray());
        Assert.All(measures, m => Assert.Equal(60.0, m!["granularity"]!.GetValue<double>()));
        var max = (await cli.JsonAsync("measures", "show", "--resource-id", resourceId, "cpu", "--granularity", "60", "--aggregation", "max")).AsArray();
        Assert.Equal([20.0, 42.5], max.Select(m => m!["value"]!.GetValue<double>()).ToArray());

        var found = (await cli.JsonAsync("resource", "search", $"id={resourceId}")).AsArray();
        Assert.Equal(resourceId, found.Single()!["id"]!.GetValue<string>());
        var listed = (await cli.JsonAsync("resource", "list")).AsArray();
        Assert.Contains(listed, r => r!["id"]!.GetValue<string>() == resourceId);

        var deleted = await cli.RunAsync("resource", "delete", resourceId);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        var gone = await cli.RunAsync("resource", "show", resourceId);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("does not exist", gone.Error);
    }
}
