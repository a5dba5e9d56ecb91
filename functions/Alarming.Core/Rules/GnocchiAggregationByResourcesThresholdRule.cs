using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>An aggregate of one metric over the resources a Gnocchi search selects.</summary>
internal sealed class GnocchiAggregationByResourcesThresholdRule : IRuleDefinition
{
    public static readonly IReadOnlyList<string> AsDictKeys = [.. ThresholdFields.AsDictKeys, "metric", "query", "resource_type"];

    public string Type => AlarmTypes.GnocchiAggregationByResources;

    public JsonObject Parse(BodyReader rule)
    {
        rule.RejectUnknown(["metric", "query", "resource_type", .. ThresholdFields.Names]);
        var parsed = new JsonObject
        {
            ["metric"] = rule.String("metric", mandatory: true).Value,
            ["query"] = rule.String("query", mandatory: true).Value,
            ["resource_type"] = rule.String("resource_type", mandatory: true).Value,
        };
        ThresholdFields.Read(rule, parsed);
        return parsed;
    }

    /// <remarks>Scoping wraps the query again on every update that sends the stored query back;
    /// Aodh does the same and Gnocchi does not mind.</remarks>
    public void Validate(JsonObject rule, RuleValidationContext context)
    {
        ThresholdFields.CheckAggregationMethod(rule, context);
        var query = ParseQuery(rule["query"]!.GetValue<string>());
        if (ScopeProject(context) is { } project)
        {
            var scoped = new JsonObject { ["and"] = new JsonArray(Permissions(project, context.ExternalProjectOwnerId), query) };
            rule["query"] = PythonJson.Dumps(scoped);
        }
    }

    private static JsonNode? ParseQuery(string text)
    {
        JsonNode? query;
        try
        {
            query = PythonJson.Loads(text);
        }
        catch (JsonException)
        {
            throw new ApiErrorException(ApiError.InvalidInput("rule/query", text, ""));
        }
        try
        {
            // Aodh test-runs the search against the metric store here; ours is in-process, so the
            // search only has to be one the store can run (an empty result is fine, as in Aodh).
            Metrics.ResourceFilter.Parse(query, id => id);
        }
        catch (FormatException e)
        {
            throw new ApiErrorException(ApiError.BadRequest(e.Message));
        }
        return query;
    }

    /// <summary>The resources the project may see: its own, and with an external owner also
    /// that owner's resources for the project.</summary>
    private static JsonNode Permissions(string project, string? externalProjectOwnerId)
    {
        JsonNode permissions = new JsonObject { ["="] = new JsonObject { ["created_by_project_id"] = project } };
        if (string.IsNullOrEmpty(externalProjectOwnerId))
        {
            return permissions;
        }
        return new JsonObject
        {
            ["or"] = new JsonArray(
                permissions,
                new JsonObject
                {
                    ["and"] = new JsonArray(
                        new JsonObject { ["="] = new JsonObject { ["created_by_project_id"] = externalProjectOwnerId } },
                        new JsonObject { ["="] = new JsonObject { ["project_id"] = project } }),
                }),
        };
    }

    /// <summary>A non-admin is scoped to its own project; an admin only when creating for another project.</summary>
    private static string? ScopeProject(RuleValidationContext context)
    {
        if (!context.Caller.IsAdmin)
        {
            return context.Caller.ProjectId;
        }
        return context.BodyProjectId is { } project && project != context.Caller.ProjectId ? project : null;
    }
}
