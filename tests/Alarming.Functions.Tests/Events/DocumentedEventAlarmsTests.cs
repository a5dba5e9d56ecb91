using Alarming.Functions.Tests.Clients;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Events;

/// <summary>The two event alarms of Aodh's documentation, created with the real <c>aodh</c> CLI as
/// written, fed by Ceilometer's real HTTP event publisher through <c>/v2/events?access_token=…</c>.</summary>
public sealed class DocumentedEventAlarmsTests(EventsHostFixture host) : IClassFixture<EventsHostFixture>
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Clients", "ceilometer_publish_events.py");

    private async Task PublishAsync(string project, string instance, string eventType, string state, string messageId)
    {
        var url = $"{host.BaseAddress.ToString().TrimEnd('/')}/v2/events?access_token={EventsHostFixture.IntakeSecret}";
        var run = await OpenStackCli.DebianPython().RunAsync(Script, url, project, instance, eventType, state, messageId);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Failed to dispatch", run.Error);
        await host.WaitForEventsAsync();
    }

    [CliFact("/usr/lib/python3/dist-packages/ceilometer/publisher/http.py", "python3-ceilometer")]
    public async Task InstanceOff_AndOnButInError_FireAsDocumented()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var instance = Guid.NewGuid().ToString();
        // log:// actions are an operator's (Aodh refuses them to members): the documentation's commands run as admin.
        var cli = OpenStackCli.Aodh(host.BaseAddress, "u-cli", project, "admin");
        var off = (await cli.JsonAsync("alarm", "create", "--type", "event", "--name", "instance_off", "--description", "Instance powered OFF",
            "--event-type", "compute.instance.power_off.*", "--enable", "True", "--query", $"traits.instance_id=string::{instance}",
            "--alarm-action", "log://", "--ok-action", "log://", "--insufficient-data-action", "log://"))["alarm_id"]!.GetValue<string>();
        var onInError = (await cli.JsonAsync("alarm", "create", "--type", "event", "--name", "instance_on_but_in_err_state",
            "--description", "Instance powered ON but in error state", "--event-type", "compute.instance.power_on.*", "--enable", "True",
            "--query", $"traits.instance_id=string::{instance};traits.state=string::error",
            "--alarm-action", "log://", "--ok-action", "log://", "--insufficient-data-action", "log://"))["alarm_id"]!.GetValue<string>();

        host.Time.Advance(TimeSpan.FromSeconds(1));   // history lists newest first: the firing after the creation
        await PublishAsync(project, instance, "compute.instance.power_off.end", "stopped", "msg-off");
        var fired = await cli.JsonAsync("alarm", "show", off);
        Assert.Equal("alarm", fired["state"]!.GetValue<string>());
        Assert.Equal("Event <id=msg-off,event_type=compute.instance.power_off.end> hits the query <query=[{\"field\": \"traits.instance_id\", " +
                     $"\"op\": \"eq\", \"type\": \"string\", \"value\": \"{instance}\"}}]>.", fired["state_reason"]!.GetValue<string>());
        await Eventually.TrueAsync(async () => (await host.OutcomesAsync(off, "msg-off")).Count == 1, "the log:// action");
        Assert.Equal("log://", (await host.OutcomesAsync(off, "msg-off")).Single().Action);
        Assert.Equal("insufficient data", (await cli.JsonAsync("alarm", "show", onInError))["state"]!.GetValue<string>());

        await PublishAsync(project, instance, "compute.instance.power_on.end", "active", "msg-on-active");
        Assert.Equal("insufficient data", (await cli.JsonAsync("alarm", "show", onInError))["state"]!.GetValue<string>());
        await PublishAsync(project, instance, "compute.instance.power_on.end", "error", "msg-on-error");
        Assert.Equal("alarm", (await cli.JsonAsync("alarm", "show", onInError))["state"]!.GetValue<string>());

        var history = (await cli.JsonAsync("alarm-history", "show", off)).AsArray();
        Assert.Equal(["state transition", "creation"], history.Select(h => h!["type"]!.GetValue<string>()).ToArray());
    }
}
