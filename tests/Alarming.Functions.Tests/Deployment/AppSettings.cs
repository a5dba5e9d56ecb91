using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>The app settings the function app module writes: the variables its <c>appsettings</c>
/// resource unions, merged in the union's order (the operator's <c>serviceSettings</c> last, which
/// no template can know).</summary>
internal static class AppSettings
{
    public static JsonObject Values(CompiledTemplate api)
    {
        var expression = (string)api.ResourcesOfType("Microsoft.Web/sites/config").Single()["properties"]!;
        Assert.StartsWith("[union(", expression);
        Assert.EndsWith("parameters('serviceSettings'))]", expression);
        var merged = new JsonObject();
        foreach (var variable in CompiledTemplate.VariablesIn(expression))
        {
            foreach (var (key, value) in api.Variable(variable).AsObject())
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }

    public static IReadOnlyList<string> Keys(CompiledTemplate api) => Values(api).Select(p => p.Key).ToList();
}
