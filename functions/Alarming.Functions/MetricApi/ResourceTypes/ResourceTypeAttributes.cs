using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alarming.Functions.MetricApi.ResourceTypes;

/// <summary>Which attributes a resource type takes: <c>generic</c>
/// none, <c>instance</c> Ceilometer's (all optional), any other valid name free scalar attributes.</summary>
internal static partial class ResourceTypeAttributes
{
    public static readonly IReadOnlyList<string> BaseAttributes = ["id", "user_id", "project_id", "started_at", "ended_at", "metrics"];

    private static readonly Dictionary<string, string> Instance = new()
    {
        ["display_name"] = "string", ["flavor_id"] = "string", ["flavor_name"] = "string", ["host"] = "string",
        ["image_ref"] = "string", ["server_group"] = "string", ["availability_zone"] = "string",
        ["launched_at"] = "datetime", ["created_at"] = "datetime", ["deleted_at"] = "datetime",
    };

    public static bool IsValidName(string type) => TypeName().IsMatch(type);

    /// <summary>The built-in types' attribute schemas, as <c>GET /v1/resource_type/{name}</c> shows them.</summary>
    public static JsonObject? BuiltInSchema(string type) => type switch
    {
        "generic" => new JsonObject(),
        "instance" => new JsonObject(Instance.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)(a.Value == "string"
            ? new JsonObject { ["type"] = "string", ["min_length"] = 0, ["max_length"] = 255, ["required"] = false }
            : new JsonObject { ["type"] = "datetime", ["required"] = false })))),
        _ => null,
    };

    public static JsonObject Body(string name, JsonObject attributes) =>
        new() { ["name"] = name, ["attributes"] = attributes.DeepClone(), ["state"] = "active" };

    /// <summary>The type's attributes from a body, or why one is refused.</summary>
    public static (JsonObject Attributes, string? Error) Attributes(string type, JsonObject body, IEnumerable<string> ignore)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in body.Where(p => !ignore.Contains(p.Key)))
        {
            switch (type)
            {
                case "generic":
                    return (attributes, key);
                case "instance" when !Instance.ContainsKey(key):
                    return (attributes, key);
                case "instance" when value is not null && (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length > 255):
                    return (attributes, key);
                default:
                    if (value is JsonObject or JsonArray)
                    {
                        return (attributes, key);
                    }
                    attributes[key] = value?.DeepClone();
                    break;
            }
        }
        return (attributes, null);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,255}$")]
    private static partial Regex TypeName();
}
