using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Fixtures;

internal static class JsonObjectExtensions
{
    /// <summary>The object after <paramref name="change"/>: a body built in one expression with one field altered.</summary>
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
