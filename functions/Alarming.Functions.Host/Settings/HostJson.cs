using System.Text.Json.Nodes;

namespace Alarming.Functions.Host.Settings;

/// <summary>The parts of <c>host.json</c> the local host honours.</summary>
public sealed record HostJson(string RoutePrefix)
{
    /// <summary>Reads the <c>host.json</c> that the Functions SDK copied beside the app.</summary>
    public static HostJson Load(string path)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject();
        var prefix = root["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        return new HostJson(prefix.Trim('/'));
    }
}
