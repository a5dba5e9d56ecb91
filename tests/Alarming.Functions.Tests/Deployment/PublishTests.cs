using System.Text.Json.Nodes;
using Alarming.Functions.Host;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>The published app is what the Functions host runs: the worker, the SDK's function
/// metadata and worker configuration, the host-side extensions, our <c>host.json</c>, and exactly
/// the functions the local host serves.</summary>
public sealed class PublishTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public void Publish_SucceedsWithoutAWarning()
    {
        Assert.True(app.ExitCode == 0, app.Output);
        Assert.DoesNotContain(": warning ", app.Output);
    }

    [Fact]
    public void Output_HasTheWorker_ItsConfiguration_AndOurHostJson()
    {
        var worker = JsonNode.Parse(File.ReadAllText(app.PathOf("worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal("Alarming.Functions.dll", (string?)worker["defaultWorkerPath"]);
        Assert.True(File.Exists(app.PathOf("Alarming.Functions.dll")));
        Assert.True(File.Exists(app.PathOf("Alarming.Functions.runtimeconfig.json")));

        Assert.Equal(File.ReadAllText(Path.Combine(AlarmingHostFixture.ProjectDirectory, "host.json")), File.ReadAllText(app.PathOf("host.json")));
        // Local settings hold secrets and local endpoints: never deployed.
        Assert.False(File.Exists(app.PathOf("local.settings.json")));
    }

    [Fact]
    public void Output_HasTheHostExtensions_TheQueueTriggersNeed()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(app.PathOf("extensions.json")))!["extensions"]!.AsArray();
        Assert.NotEmpty(extensions);
        foreach (var extension in extensions)
        {
            var hint = (string)extension!["hintPath"]!;
            Assert.StartsWith("./.azurefunctions/", hint);
            Assert.True(File.Exists(app.PathOf(hint)), $"extensions.json names {hint}, which is not in the output");
        }
        Assert.Contains(extensions, e => ((string)e!["typeName"]!).Contains("Microsoft.Azure.WebJobs.Extensions.Storage.Queues", StringComparison.Ordinal));
        Assert.True(File.Exists(app.PathOf(".azurefunctions/function.deps.json")));
    }

    [Fact]
    public void FunctionsMetadata_ListsExactlyTheFunctionsTheLocalHostServes_AtTheSameMethods()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(app.PathOf("functions.metadata")))!.AsArray();
        var published = metadata.Select(f =>
        {
            var trigger = f!["bindings"]!.AsArray().Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;
            Assert.Equal("Alarming.Functions.dll", (string?)f["scriptFile"]);
            return $"{f["name"]} {trigger["type"]} {f["entryPoint"]}";
        }).Order().ToList();

        var served = LocalFunctionsHost.Functions
            .Select(f => $"{f.Name} {f.TriggerType} {f.Method.DeclaringType!.FullName}.{f.Method.Name}")
            .Order().ToList();

        Assert.NotEmpty(served);
        Assert.Equal(served, published);
    }
}
