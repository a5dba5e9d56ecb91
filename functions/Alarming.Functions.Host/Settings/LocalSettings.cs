using System.Text.Json.Nodes;

namespace Alarming.Functions.Host.Settings;

/// <summary><c>local.settings.json</c> as <c>func start</c> reads it: <c>Values</c> become app
/// settings and <c>Host.LocalHttpPort</c> the port. Without the file, the committed sample's values apply.</summary>
internal sealed record LocalSettings(IReadOnlyDictionary<string, string?> Values, int? LocalHttpPort)
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    public static LocalSettings Load(string? directory)
    {
        if (directory is null)
        {
            return new LocalSettings(new Dictionary<string, string?>(), null);
        }
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            path = Path.Combine(directory, SampleFileName);
        }
        if (!File.Exists(path))
        {
            return new LocalSettings(new Dictionary<string, string?>(), null);
        }
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var values = root["Values"]?.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString()) ?? [];
        var port = root["Host"]?["LocalHttpPort"]?.GetValue<int>();
        return new LocalSettings(values, port);
    }

    /// <summary>The settings as configuration keys: <c>Api__Cors__AllowedOrigins</c> nests as
    /// <c>Api:Cors:AllowedOrigins</c>, as environment variables do.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
        Values.Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":"), p.Value));
}
