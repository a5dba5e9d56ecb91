using System.Globalization;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;

namespace Alarming.Core.Evaluation.Legacy;

/// <summary>Which resources of our store a legacy rule's query selects: all items
/// must match.</summary>
public static class LegacyResourceMatch
{
    public static bool Matches(ResourceDefinition resource, JsonArray query) =>
        query.All(item => ItemMatches(resource, item!.AsObject()));

    private static bool ItemMatches(ResourceDefinition resource, JsonObject item)
    {
        var field = Text(item, "field") ?? "";
        var value = Text(item, "value") ?? "";
        switch (field)
        {
            case "resource_id" or "resource":
                return Guid.TryParse(value, out var id) ? resource.Id == id : resource.OriginalResourceId == value;
            case "project_id" or "project":
                // Tenants pushing with the gnocchi CLI often leave project_id empty; the creator's project stands in.
                return resource.ProjectId == value || (resource.ProjectId is null && resource.CreatedByProjectId == value);
            case "user_id" or "user":
                return resource.UserId == value || (resource.UserId is null && resource.CreatedByUserId == value);
            case "meter" or "source":
                return true;
            case "message_id":
                return false;
        }
        var name = field.StartsWith("metadata.", StringComparison.Ordinal) ? field["metadata.".Length..]
            : field.StartsWith("resource_metadata.", StringComparison.Ordinal) ? field["resource_metadata.".Length..]
            : null;
        if (name is null)
        {
            return false;
        }
        string[] candidates = [name, name.StartsWith("user_metadata.", StringComparison.Ordinal) ? name["user_metadata.".Length..] : name, name.Replace('.', '_')];
        var key = candidates.FirstOrDefault(resource.Attributes.ContainsKey);
        return key is not null && Equal(resource.Attributes[key], value, Text(item, "type"));
    }

    /// <summary>The attribute against the converted value: strings exactly, numbers numerically, booleans, null.</summary>
    private static bool Equal(JsonNode? attribute, string value, string? type)
    {
        var expected = Convert(value, type);
        if (attribute is null || expected is null)
        {
            return attribute is null && expected is null;
        }
        return (attribute.GetValueKind(), expected) switch
        {
            (System.Text.Json.JsonValueKind.Number, double number) => JsonNumbers.ToDouble(attribute) == number,
            (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False, bool flag) => attribute.GetValue<bool>() == flag,
            (System.Text.Json.JsonValueKind.String, string text) => attribute.GetValue<string>() == text,
            (System.Text.Json.JsonValueKind.String, DateTimeOffset instant) =>
                PythonTimestamp.TryParse(attribute.GetValue<string>(), out var at) && at == instant,
            _ => false,
        };
    }

    /// <summary>The query value as its declared type; without one, as a Python literal when it is one.</summary>
    private static object? Convert(string value, string? type) => type switch
    {
        // Validation accepted the value already (Python's int() allows underscores).
        "integer" => double.Parse(value.Trim().Replace("_", ""), CultureInfo.InvariantCulture),
        "float" => double.Parse(value.Trim(), CultureInfo.InvariantCulture),
        "boolean" => value.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes",
        "datetime" => PythonTimestamp.TryParse(value, out var at) ? at : value,
        "string" => value,
        _ => value switch
        {
            "None" => null,
            "True" => true,
            "False" => false,
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => value.Length >= 2 && value[0] == value[^1] && value[0] is '\'' or '"' ? value[1..^1] : value,
        },
    };

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
