using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Python;
using Alarming.Core.Queries;
using Alarming.Core.Validation;

namespace Alarming.Core.Silences;

/// <summary>A silence's <c>filter</c>: the complex-query grammar of <c>POST /v2/query/alarms</c> over
/// <see cref="SilenceFields"/>, given as an object (or, as the query takes it, as JSON text).</summary>
public static class SilenceFilter
{
    /// <summary>Longest filter kept, as JSON text: it is a table property, and it runs on every notification of the project.</summary>
    public const int MaxLength = 8192;

    /// <remarks>Linear regexes: a stored filter runs on every notification of its project.</remarks>
    private static readonly ComplexQuery<SilenceTarget> Query = new(SilenceFields.All, "project_id", linearRegex: true);

    /// <summary>Stored filters were checked against their creator's rights; compiled again, they only match.</summary>
    private static readonly Caller Checked = new(null, "", ["admin"]);

    /// <summary>Checks a filter as <paramref name="caller"/> gives it; returns its stored text.</summary>
    public static Result<string> Parse(JsonNode? filter, Caller caller)
    {
        JsonNode? tree = filter;
        if (filter is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                tree = PythonJson.Loads(value.GetValue<string>());
            }
            catch (JsonException e)
            {
                return ApiError.BadRequest($"Filter expression not valid: {e.Message}");
            }
        }
        if (tree is JsonObject { Count: 0 })
        {
            return ApiError.BadRequest("Filter expression not valid: {} would silence every alarm of the project; say which alarms");
        }
        var text = tree?.ToJsonString() ?? "null";
        if (text.Length > MaxLength)
        {
            return ApiError.BadRequest($"Filter expression not valid: longer than {MaxLength} characters");
        }
        var parsed = Query.Parse(text, null, null, caller);
        return parsed.Failed ? parsed.Error! : text;
    }

    /// <summary>The matcher of a stored filter; one that no longer parses matches nothing.</summary>
    public static Func<SilenceTarget, bool> Compile(string stored)
    {
        var parsed = Query.Parse(stored, null, null, Checked);
        return parsed.Failed ? _ => false : parsed.Value!.Matches;
    }
}
