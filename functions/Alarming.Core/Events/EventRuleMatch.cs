using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>Whether an event fires an event alarm's rule (<c>event_type</c> pattern and every query
/// condition), and the reason Aodh gives when it does.</summary>
public static class EventRuleMatch
{
    /// <exception cref="IncomparableValuesException">A condition orders values of different kinds, or a missing
    /// trait: Aodh fails that alarm's evaluation, so it does not fire.</exception>
    public static bool Matches(JsonObject rule, AlarmEvent alarmEvent)
    {
        var pattern = rule["event_type"]?.GetValue<string>() ?? "*";
        return ShellPattern.Matches(alarmEvent.EventType, pattern) &&
               Conditions(rule).All(condition => Holds(condition, alarmEvent));
    }

    /// <summary><c>Event &lt;id=…,event_type=…&gt; hits the query &lt;query=…&gt;.</c> with the query as
    /// Python's <c>json.dumps(query, sort_keys=True)</c>.</summary>
    public static string Reason(JsonObject rule, AlarmEvent alarmEvent)
    {
        var sorted = new JsonArray(Conditions(rule)
            .Select(c => (JsonNode?)new JsonObject(c.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))))
            .ToArray());
        return $"Event <id={alarmEvent.MessageId},event_type={alarmEvent.EventType}> hits the query <query={PythonJson.Dumps(sorted)}>.";
    }

    private static IEnumerable<JsonObject> Conditions(JsonObject rule) =>
        rule["query"] is JsonArray query ? query.OfType<JsonObject>() : [];

    /// <remarks>Aodh's evaluator cannot run a condition on a field other than a trait (it crashes on it) nor
    /// convert a <c>boolean</c> one: such a condition never holds, and the alarm never fires.</remarks>
    private static bool Holds(JsonObject condition, AlarmEvent alarmEvent)
    {
        var field = condition["field"]?.GetValue<string>() ?? "";
        if (!field.StartsWith("traits.", StringComparison.Ordinal))
        {
            return false;
        }
        var typeCode = (condition["type"]?.GetValue<string>() ?? "") switch
        {
            "" or "string" => 1,
            "integer" => 2,
            "float" => 3,
            "datetime" => 4,
            _ => 0,
        };
        if (typeCode == 0 || AlarmEvent.Convert(condition["value"], typeCode) is not { } expected)
        {
            return false;
        }
        var op = condition["op"]?.GetValue<string>() ?? "eq";
        return PythonComparison.Holds(op, alarmEvent.Trait(field.Split('.', 2)[1]), expected);
    }
}
