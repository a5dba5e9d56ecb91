using System.Text.Json.Nodes;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary>The Quotas representation: <c>{"project_id", "quotas": [{"resource": "alarms", "limit"}]}</c>.</summary>
internal static class QuotasBody
{
    public static JsonObject From(string projectId, int? alarmsLimit) => new()
    {
        ["project_id"] = projectId,
        ["quotas"] = alarmsLimit is { } limit
            ? new JsonArray(new JsonObject { ["resource"] = "alarms", ["limit"] = limit })
            : new JsonArray(),
    };
}
