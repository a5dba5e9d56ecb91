using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Tests.Clients;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Readme;

/// <summary>The README's quickstart commands need "now" to be now: measures are stamped with
/// <c>date</c>. The notifier runs; loopback receivers are allowed by the sample settings.</summary>
public sealed class RealClockHostFixture : AlarmingHostFixture
{
    protected override TimeProvider Clock => TimeProvider.System;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.NotifyAlarm.Disabled"] = "false",
    };
}

/// <summary>Runs each README quickstart block verbatim with bash against a test host, so the
/// README cannot rot.</summary>
public sealed class QuickstartTests(RealClockHostFixture host) : IClassFixture<RealClockHostFixture>
{
    [CliTheory("aodh", "python3-aodhclient")]
    [InlineData("quickstart", "/cpu-hot", "cpu_hi")]
    [InlineData("quickstart-threshold", "/r/testapp/hello", "cpu_high")]
    public async Task ReadmeQuickstart_CallsTheWebhookWithAodhsPayload(string marker, string path, string alarmName)
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(AlarmingHostFixture.ProjectDirectory, "README.md"));
        var block = Regex.Match(readme, $@"<!-- {marker} -->\s*```bash\n(?<script>.*?)```\s*<!-- /{marker} -->", RegexOptions.Singleline);
        var script = block.Groups["script"].Value;
        Assert.NotEmpty(script);
        var workDirectory = Directory.CreateTempSubdirectory("quickstart-").FullName;

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDirectory };
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["ALARMING"] = host.BaseAddress.ToString().TrimEnd('/');
        start.Environment["RECEIVER_PORT"] = AzuriteProcess.FreePort().ToString();
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\n{await output}\n{await error}");

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var call = lines.Single(l => l.StartsWith(path + " ", StringComparison.Ordinal));
        var body = JsonNode.Parse(call[(path.Length + 1)..])!;
        Assert.Equal(["alarm_name", "alarm_id", "severity", "previous", "current", "reason", "reason_data"],
            body.AsObject().Select(p => p.Key));
        Assert.Equal(alarmName, (string?)body["alarm_name"]);
        Assert.Equal("insufficient data", (string?)body["previous"]);
        Assert.Equal("alarm", (string?)body["current"]);
        Assert.Equal("threshold", (string?)body["reason_data"]!["type"]);
        Assert.Equal("outside", (string?)body["reason_data"]!["disposition"]);
    }
}
