using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Clients;

/// <summary>OpenStack Ceilometer's own Gnocchi publisher (Debian's python3-ceilometer) publishing into
/// the built-in metric store: <c>ceilometer-upgrade</c>'s resource types, then compute samples.</summary>
public sealed class CeilometerPublisherTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Clients", "ceilometer_publish.py");

    [CliFact("/usr/lib/python3/dist-packages/ceilometer/publisher/gnocchi.py", "python3-ceilometer")]
    public async Task Publisher_CreatesTypesResourcesMetricsAndMeasures()
    {
        var instance = Guid.NewGuid().ToString();
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        // Ceilometer reads the wall clock for nothing here: sample timestamps are the host's "now".
        host.Time.Advance(DateTimeOffset.UtcNow - host.Time.GetUtcNow());

        var run = await OpenStackCli.DebianPython().RunAsync(Script, host.BaseAddress.ToString().TrimEnd('/'), instance, project);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("published", run.Output);

        var admin = host.As("u-admin", "p-admin", "admin");
        var type = await admin.GetAsync("/v1/resource_type/instance_disk");
        Assert.Equal("instance_disk", type.Json!["name"]!.GetValue<string>());

        var resource = (await admin.GetAsync($"/v1/resource/instance/{instance}")).Json!;
        Assert.Equal("vm-one", resource["display_name"]!.GetValue<string>());
        Assert.Equal("compute-1", resource["host"]!.GetValue<string>());
        Assert.Equal(project, resource["project_id"]!.GetValue<string>());
        var cpu = (await admin.GetAsync($"/v1/metric/{resource["metrics"]!["cpu"]}")).Json!;
        Assert.Equal("ceilometer-low-rate", cpu["archive_policy_name"]!.GetValue<string>());
        Assert.Equal("ns", cpu["unit"]!.GetValue<string>());

        // Three cumulative cpu samples a minute apart: rate:mean sees the differences 2000 and 3000,
        // in one 5-minute bucket (their mean) or in two.
        var rates = (await admin.GetAsync($"/v1/resource/generic/{instance}/metric/cpu/measures?aggregation=rate:mean&granularity=300&start=-1 hour")).Json!.AsArray();
        var values = rates.Select(r => r![2]!.GetValue<double>()).ToArray();
        Assert.True(values.SequenceEqual([2500.0]) || values.SequenceEqual([2000.0, 3000.0]), string.Join(", ", values));
        var memory = (await admin.GetAsync($"/v1/resource/generic/{instance}/metric/memory.usage/measures?granularity=300")).Json!.AsArray();
        Assert.Equal(512.0, memory.Single()![2]!.GetValue<double>());
    }
}
