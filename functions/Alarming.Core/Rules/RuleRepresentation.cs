using System.Text.Json.Nodes;
using Alarming.Core.Alarms;

namespace Alarming.Core.Rules;

/// <summary>A stored rule as the API shows it: as stored, except the legacy <c>threshold</c> rule,
/// whose response order differs from its stored one.</summary>
public static class RuleRepresentation
{
    public static JsonObject Of(string type, JsonObject rule) =>
        type == AlarmTypes.Threshold ? LegacyThresholdRule.ForOutput(rule) : (JsonObject)rule.DeepClone();
}
