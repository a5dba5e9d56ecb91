using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>An and/or tree of threshold rules, nested at will.</summary>
/// <remarks>Leaves are parsed like top-level rules but get none of their whole-alarm checks
/// (no aggregation-method check, no query scoping), as in Aodh; except legacy <c>threshold</c>
/// leaves, whose query is checked and scoped as a top-level one (our
/// deviation: otherwise a leaf could read another project's measures).</remarks>
internal sealed class CompositeRule(IReadOnlyDictionary<string, IRuleDefinition> leafRules) : IRuleDefinition
{
    public const string Argument = "data.composite_rule";

    public string Type => AlarmTypes.Composite;

    public JsonObject Parse(BodyReader rule) => ParseValue(rule.Object, rule);

    /// <remarks>The composite rule is a WSME user type: it receives the raw value, whatever its
    /// JSON type, and reports its own errors.</remarks>
    public JsonObject ParseValue(JsonNode? value, BodyReader alarm) => value is JsonObject
        ? (JsonObject)ParseNode(value, alarm)
        : throw Invalid(value);

    private JsonNode ParseNode(JsonNode? node, BodyReader context)
    {
        if (node is JsonObject obj && obj.Count == 1)
        {
            var key = obj.First().Key;
            if (key is not ("and" or "or"))
            {
                throw new ApiErrorException(ApiError.BadRequest("Threshold rules should be combined with \"and\" or \"or\""));
            }
            if (obj[key] is not JsonArray children)
            {
                throw Invalid(node);
            }
            return new JsonObject { [key] = new JsonArray(children.Select(c => (JsonNode?)ParseNode(c, context)).ToArray()) };
        }
        if (node is JsonObject leaf)
        {
            return ParseLeaf(leaf, context);
        }
        throw Invalid(node);
    }

    private JsonObject ParseLeaf(JsonObject leaf, BodyReader context)
    {
        var typeNode = leaf["type"];
        var type = typeNode is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (typeNode is null || (type is not null && type.Length == 0))
        {
            throw new ApiErrorException(ApiError.BadRequest("type must be set in every rule"));
        }
        if (type is null || !leafRules.TryGetValue(type, out var definition))
        {
            var names = leafRules.Keys.Order(StringComparer.Ordinal);
            throw new ApiErrorException(ApiError.BadRequest(
                $"Unsupported sub-rule type :{type ?? PythonRepr.Str(typeNode)} in composite rule, should be one of: {PythonRepr.List(names)}"));
        }

        var given = new JsonObject();
        foreach (var (key, child) in leaf)
        {
            if (key != "type")
            {
                given[key] = child?.DeepClone();
            }
        }
        var parsed = definition.Parse(context.Nested(given, Argument));

        // Aodh updates the given dict with the parsed one's as_dict: given keys keep their place,
        // defaults follow in as_dict's order, and the type goes last.
        var stored = new JsonObject();
        foreach (var (key, _) in given)
        {
            stored[key] = parsed[key]?.DeepClone();
        }
        foreach (var (key, child) in RuleRepresentation.AsDict(type, parsed))
        {
            if (!stored.ContainsKey(key))
            {
                stored[key] = child?.DeepClone();
            }
        }
        stored["type"] = type;
        return stored;
    }

    public void Validate(JsonObject rule, RuleValidationContext context)
    {
        foreach (var child in rule.Where(p => p.Key is "and" or "or").SelectMany(p => p.Value!.AsArray()))
        {
            Validate(child!.AsObject(), context);
        }
        if (rule["type"] is JsonValue type && type.GetValue<string>() == AlarmTypes.Threshold)
        {
            leafRules[AlarmTypes.Threshold].Validate(rule, context);
        }
    }

    private static ApiErrorException Invalid(JsonNode? node) => new(ApiError.BadRequest(
        $"Invalid input composite rule: {PythonRepr.Of(node)}, it should be a dict with an \"and\" or \"or\" as key, and the value of dict should be a list of basic threshold rules or sub composite rules, can be nested."));
}
