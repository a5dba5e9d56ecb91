using System.Text.Json.Nodes;
using Alarming.Functions.Host;

namespace Alarming.Functions.Tests.Host;

/// <summary>The local host serves exactly the functions the real Functions SDK generated
/// <c>functions.metadata</c> for, with the same triggers.</summary>
public sealed class FunctionTableTests
{
    [Fact]
    public void LocalHost_ServesExactlyTheFunctionsOfFunctionsMetadata()
    {
        var metadataPath = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        var metadata = JsonNode.Parse(File.ReadAllText(metadataPath))!.AsArray();
        var expected = metadata.Select(f =>
        {
            var trigger = f!["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
            return Describe(
                f["name"]!.GetValue<string>(),
                trigger["type"]!.GetValue<string>(),
                trigger["route"]?.GetValue<string>(),
                trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToLowerInvariant()),
                trigger["schedule"]?.GetValue<string>(),
                trigger["queueName"]?.GetValue<string>());
        }).Order().ToList();

        var served = LocalFunctionsHost.Functions
            .Select(f => Describe(f.Name, f.TriggerType, f.Route, f.Methods, f.Schedule, f.QueueName))
            .Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, served);
    }

    private static string Describe(string name, string type, string? route, IEnumerable<string>? methods, string? schedule, string? queue) =>
        $"{name} {type} route={route} methods={string.Join(',', (methods ?? []).Order())} schedule={schedule} queue={queue}";
}
