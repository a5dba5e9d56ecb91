using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>Octavia member health for Heat autoscaling; accepted and stored (evaluation is optional).</summary>
internal sealed class LoadBalancerMemberHealthRule : IRuleDefinition
{
    public string Type => AlarmTypes.LoadBalancerMemberHealth;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["pool_id", "stack_id", "autoscaling_group_id"]);
        return new JsonObject
        {
            ["pool_id"] = rule.String("pool_id", mandatory: true).Value,
            ["stack_id"] = rule.String("stack_id", mandatory: true).Value,
            ["autoscaling_group_id"] = rule.String("autoscaling_group_id", mandatory: true).Value,
        };
    }

    public void Validate(JsonObject rule, RuleValidationContext context)
    {
    }
}
