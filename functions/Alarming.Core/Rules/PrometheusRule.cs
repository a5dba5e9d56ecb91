using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>A PromQL query compared with a threshold (newer Aodh; behind a feature flag).</summary>
internal sealed class PrometheusRule : IRuleDefinition
{
    public string Type => AlarmTypes.Prometheus;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["comparison_operator", "threshold", "query", "scope_to_project"]);
        return new JsonObject
        {
            ["comparison_operator"] = ThresholdFields.ComparisonOperator(rule),
            ["threshold"] = JsonNumbers.Float(rule.Float("threshold", mandatory: true).Value!.Value),
            ["query"] = rule.String("query", mandatory: true).Value,
        };
    }

    /// <summary>Scopes the query to the caller's project, or to the project an admin creates for.</summary>
    public void Validate(JsonObject rule, RuleValidationContext context) =>
        rule["scope_to_project"] = !context.Caller.IsAdmin
            ? context.Caller.ProjectId
            : context.BodyProjectId is { } project && project != context.Caller.ProjectId ? project : null;
}
