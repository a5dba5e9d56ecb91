using System.Text.Json.Nodes;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>One alarm type's rule: how its <c>&lt;type&gt;_rule</c> attribute is read from a
/// body, checked, and described by default.</summary>
internal interface IRuleDefinition
{
    string Type { get; }

    /// <summary>Converts the rule's attributes (WSME's body parsing) into the stored form with
    /// defaults filled in. Throws <see cref="ApiErrorException"/> on the first error.</summary>
    JsonObject Parse(BodyReader rule);

    /// <summary>Reads the rule attribute's raw value; <paramref name="alarm"/> is the body's reader.</summary>
    JsonObject ParseValue(JsonNode? value, BodyReader alarm) =>
        Parse(alarm.Nested(value, "data." + Alarms.AlarmTypes.RuleAttribute(Type)));

    /// <summary>Checks that need the whole alarm (Aodh's <c>validate_alarm</c>); may rewrite the
    /// stored rule (project scoping of a Gnocchi query).</summary>
    void Validate(JsonObject rule, RuleValidationContext context);

    string DefaultDescription(JsonObject rule) => $"{Type} alarm rule";
}
