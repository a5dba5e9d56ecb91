using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>An ARM template as Bicep compiles it, read for what the compiler cannot check: names,
/// values and which variables feed which resource. Modules are nested deployments, each with its
/// own template.</summary>
internal sealed partial class CompiledTemplate(JsonObject json)
{
    private static readonly Lazy<CompiledTemplate> main = new(() =>
        new CompiledTemplate(JsonNode.Parse(BicepCli.RunClean("build", "infra/main.bicep", "--stdout"))!.AsObject()));

    /// <summary><c>infra/main.bicep</c>, compiled once per test run.</summary>
    public static CompiledTemplate Main => main.Value;

    public JsonObject Json => json;

    /// <summary>The resources declared by this template itself (not by its modules).</summary>
    public IEnumerable<JsonObject> Resources => json["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()),
        JsonObject symbolic => symbolic.Select(r => r.Value!.AsObject()),
        _ => [],
    };

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The template of the module deployed under <paramref name="name"/>.</summary>
    public CompiledTemplate Module(string name) =>
        new(ModuleDeployment(name)["properties"]!["template"]!.AsObject());

    public JsonObject ModuleDeployment(string name) =>
        ResourcesOfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    public JsonNode Variable(string name) =>
        json["variables"]?[name] ?? throw new InvalidOperationException($"no variable {name} in the template");

    /// <summary>The value behind <c>[variables('x')]</c>; anything else as it is.</summary>
    public JsonNode Resolve(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && VariableReference().Match(text) is { Success: true } match
            ? Variable(match.Groups[1].Value)
            : node;

    /// <summary>The names of the variables an expression reads.</summary>
    public static IReadOnlyList<string> VariablesIn(string expression) =>
        VariableUse().Matches(expression).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableUse();
}
