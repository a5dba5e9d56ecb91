using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>The fields every Gnocchi threshold rule shares.</summary>
internal static class ThresholdFields
{
    public static readonly IReadOnlyList<string> ComparisonOperators = ["lt", "le", "eq", "ne", "ge", "gt"];

    public static readonly IReadOnlyList<string> Names =
        ["comparison_operator", "threshold", "aggregation_method", "evaluation_periods", "granularity"];

    /// <summary>The shared fields in the order of Aodh's <c>as_dict</c>, which every Gnocchi rule's starts with.</summary>
    public static readonly IReadOnlyList<string> AsDictKeys =
        ["granularity", "comparison_operator", "threshold", "aggregation_method", "evaluation_periods"];

    /// <summary>Reads the shared fields into <paramref name="target"/> in output order.</summary>
    public static void Read(BodyReader rule, JsonObject target)
    {
        target["comparison_operator"] = ComparisonOperator(rule);
        target["threshold"] = JsonNumbers.Float(rule.Float("threshold", mandatory: true).Value!.Value);
        target["aggregation_method"] = rule.String("aggregation_method", mandatory: true).Value;
        target["evaluation_periods"] = rule.Integer("evaluation_periods", minimum: 1).Value ?? 1;
        target["granularity"] = rule.Integer("granularity", minimum: 1).Value ?? 60;
    }

    public static string ComparisonOperator(BodyReader rule) =>
        rule.Enumeration("comparison_operator", ComparisonOperators).Value ?? "eq";

    /// <summary>The metric store must know the rule's aggregation method (top-level rules only).</summary>
    public static void CheckAggregationMethod(JsonObject rule, RuleValidationContext context)
    {
        var method = rule["aggregation_method"]?.GetValue<string>();
        if (method is null || !context.AggregationMethods.Contains(method))
        {
            throw new ApiErrorException(ApiError.BadRequest(
                $"aggregation_method should be in {PythonRepr.List(context.AggregationMethods)} not {method ?? "None"}"));
        }
    }
}
