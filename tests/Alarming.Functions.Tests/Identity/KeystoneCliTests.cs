using Alarming.Functions.Tests.Clients;
using Alarming.Functions.Tests.Fixtures.Keystone;

namespace Alarming.Functions.Tests.Identity;

/// <summary>The real <c>aodh</c> and <c>gnocchi</c> CLIs log in to Keystone with a password and find us in the catalog.</summary>
[Collection(KeystoneCollection.Name)]
public sealed class KeystoneCliTests(CatalogKeystoneHostFixture host) : IClassFixture<CatalogKeystoneHostFixture>
{
    private KeystoneFixture Keystone => host.Keystone;

    private OpenStackCli Cli(string executable, KeystoneUser user) =>
        OpenStackCli.WithPassword(executable, Keystone.Process.Url, user.Name, user.Password, user.Project);

    [KeystoneFact]
    public async Task Aodh_CreateListShowUpdateStateHistoryDelete()
    {
        var alice = Cli("aodh", Keystone.Alice);
        var name = "cpu-" + Guid.NewGuid().ToString("N")[..8];

        var created = await alice.JsonAsync("alarm", "create", "--type", "gnocchi_resources_threshold", "--name", name,
            "--metric", "cpu", "--resource-id", "vm-1", "--resource-type", "instance", "--threshold", "10",
            "--aggregation-method", "mean", "--comparison-operator", "gt");
        var id = created["alarm_id"]!.GetValue<string>();
        Assert.Equal(Keystone.Alice.ProjectId, created["project_id"]!.GetValue<string>());
        Assert.Equal(Keystone.Alice.Id, created["user_id"]!.GetValue<string>());
        Assert.Contains((await alice.JsonAsync("alarm", "list")).AsArray(), a => a!["alarm_id"]!.GetValue<string>() == id);
        Assert.Equal(id, (await alice.JsonAsync("alarm", "show", name))["alarm_id"]!.GetValue<string>());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20.0, (await alice.JsonAsync("alarm", "update", name, "--threshold", "20"))["threshold"]!.GetValue<double>());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("alarm", (await alice.JsonAsync("alarm", "state", "set", "--state", "alarm", id))["state"]!.GetValue<string>());
        var history = (await alice.JsonAsync("alarm-history", "show", id)).AsArray();
        Assert.Equal(["state transition", "rule change", "creation"], history.Select(h => h!["type"]!.GetValue<string>()).ToArray());

        var bob = await Cli("aodh", Keystone.Bob).RunAsync("alarm", "show", id);
        Assert.NotEqual(0, bob.ExitCode);
        Assert.Contains("not found", bob.Error);
        Assert.Equal(Keystone.Alice.ProjectId, (await Cli("aodh", Keystone.Ops).JsonAsync("alarm", "show", id))["project_id"]!.GetValue<string>());

        var deleted = await alice.RunAsync("alarm", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.DoesNotContain((await alice.JsonAsync("alarm", "list")).AsArray(), a => a!["alarm_id"]!.GetValue<string>() == id);
    }

    [KeystoneFact]
    public async Task Gnocchi_CreatesAResource_PushesAndReadsMeasures()
    {
        var alice = Cli("gnocchi", Keystone.Alice);
        var resourceId = Guid.NewGuid().ToString();

        var created = await alice.JsonAsync("resource", "create", "--type", "generic", resourceId, "-n", "cpu:medium");
        Assert.Equal($"{Keystone.Alice.Id}:{Keystone.Alice.ProjectId}", created["creator"]!.GetValue<string>());
        var minute = DateTimeOffset.FromUnixTimeSeconds(host.Time.GetUtcNow().ToUnixTimeSeconds() / 60 * 60);
        var add = await alice.RunAsync("measures", "add", "--resource-id", resourceId, "cpu",
            "-m", $"{minute.AddMinutes(-2):yyyy-MM-ddTHH:mm:ss}@10", "-m", $"{minute.AddMinutes(-1):yyyy-MM-ddTHH:mm:ss}@42.5");
        Assert.True(add.ExitCode == 0, add.Error);
        var measures = (await alice.JsonAsync("measures", "show", "--resource-id", resourceId, "cpu", "--granularity", "60")).AsArray();
        Assert.Equal([10.0, 42.5], measures.Select(m => m!["value"]!.GetValue<double>()).ToArray());

        var bob = await Cli("gnocchi", Keystone.Bob).RunAsync("resource", "show", resourceId);
        Assert.NotEqual(0, bob.ExitCode);
        var deleted = await alice.RunAsync("resource", "delete", resourceId);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
    }
}
