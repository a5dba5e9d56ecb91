using System.Text.Json;

namespace Alarming.Functions.Evaluation;

/// <summary>How evaluation messages and pending effects are written: snake_case, as the wire says.</summary>
public static class EvaluationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
