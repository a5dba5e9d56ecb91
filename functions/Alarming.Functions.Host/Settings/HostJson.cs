using System.Globalization;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Host.Settings;

/// <summary>The parts of <c>host.json</c> the local host honours. As in Functions, an app setting
/// <c>AzureFunctionsJobHost__&lt;path&gt;</c> overrides the file's value at that path.</summary>
public sealed record HostJson(string RoutePrefix, string HostId, QueueSettings Queues)
{
    public const string OverridePrefix = "AzureFunctionsJobHost";

    public static HostJson Load(string path, IConfiguration configuration)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject();
        string? Value(params string[] keys)
        {
            var overridden = configuration[string.Join(':', [OverridePrefix, .. keys])];
            if (overridden is not null)
            {
                return overridden;
            }
            JsonNode? node = root;
            foreach (var key in keys)
            {
                node = node?[key];
            }
            return node?.ToString();
        }
        TimeSpan Span(string key, TimeSpan fallback) =>
            Value("extensions", "queues", key) is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : fallback;
        int Int(string key, int fallback) =>
            Value("extensions", "queues", key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var batchSize = Int("batchSize", 16);
        var queues = new QueueSettings(
            MaxPollingInterval: Span("maxPollingInterval", TimeSpan.FromMinutes(1)),
            VisibilityTimeout: Span("visibilityTimeout", TimeSpan.Zero),
            BatchSize: batchSize,
            NewBatchThreshold: Int("newBatchThreshold", batchSize / 2 * Environment.ProcessorCount),
            MaxDequeueCount: Int("maxDequeueCount", 5),
            Base64: !string.Equals(Value("extensions", "queues", "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
        var prefix = Value("extensions", "http", "routePrefix") ?? "api";
        return new HostJson(prefix.Trim('/'), Value("id") ?? "alarming", queues);
    }
}

/// <summary>host.json <c>extensions.queues</c>, with the storage extension's defaults.</summary>
public sealed record QueueSettings(
    TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int BatchSize, int NewBatchThreshold, int MaxDequeueCount, bool Base64);
