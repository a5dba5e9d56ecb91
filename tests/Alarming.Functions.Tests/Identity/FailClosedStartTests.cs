using Alarming.Functions.Host.DevelopmentStorage;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Identity;

/// <summary>A deployed app never trusts identity headers unless told to: both entry points (the local
/// host and the Functions app itself) refuse to start, in their own processes.</summary>
public sealed class FailClosedStartTests
{
    private const string OnAzure = "WEBSITE_INSTANCE_ID";

    /// <summary>Storage that is never reached: a refusal comes before anything touches storage (and a
    /// development-storage setting would start Azurite first).</summary>
    private const string Unreached =
        "DefaultEndpointsProtocol=http;AccountName=none;AccountKey=bm9uZQ==;TableEndpoint=http://127.0.0.1:9/none;QueueEndpoint=http://127.0.0.1:9/none;BlobEndpoint=http://127.0.0.1:9/none";

    [Theory]
    [InlineData("")]
    [InlineData("noauth")]
    public async Task LocalHost_OnAzure_WithoutAMode_OrInNoAuth_ExitsWithOneClearLine(string mode)
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.HostDll, new Dictionary<string, string>
        {
            [OnAzure] = "instance-1",
            ["Auth__Mode"] = mode,
            ["AzureWebJobsStorage"] = Unreached,
        });

        Assert.Equal(1, exitCode);
        var refusal = Assert.Single(output.Split('\n'), line => line.Contains("refusing to start", StringComparison.Ordinal));
        Assert.Contains($"Auth__Mode is {(mode.Length == 0 ? "not set" : "noauth")} and this app runs on Azure", refusal);
        Assert.Contains("Auth__AllowNoAuth=true", refusal);
    }

    [Fact]
    public async Task FunctionsApp_OnAzure_WithoutAMode_ExitsWithTheSameLine()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.FunctionsDll, new Dictionary<string, string>
        {
            [OnAzure] = "instance-1",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Auth__Mode is not set and this app runs on Azure (WEBSITE_INSTANCE_ID is set)", output);
    }

    [Fact]
    public async Task UnknownMode_ExitsEverywhere()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.HostDll, new Dictionary<string, string>
        {
            ["Auth__Mode"] = "keystone-ish",
            ["AzureWebJobsStorage"] = Unreached,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Auth__Mode 'keystone-ish' is not one of noauth, keystone, entra: refusing to start.", output);
    }

    [Fact]
    public async Task OnAzure_AllowNoAuth_StartsAndWarns()
    {
        await using var azurite = await AzuriteProcess.StartOnFreePortsAsync(AlarmingHostFixture.ProjectDirectory);
        await using var host = await HostProcess.StartAsync(azurite.ConnectionString, new Dictionary<string, string>
        {
            [OnAzure] = "instance-1",
            ["Auth__AllowNoAuth"] = "true",
        });

        var answer = await new ApiClient(host.Address, "u1", "p1", "member").GetAsync("/v2/alarms");
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        await Eventually.TrueAsync(() => Task.FromResult(host.Output.Contains("Running in noauth mode on Azure because Auth__AllowNoAuth=true")),
            "the start-up warning");
    }
}
