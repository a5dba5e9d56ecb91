using System.Text.Json.Nodes;

namespace Alarming.Core.Evaluation;

/// <summary>The decision of one evaluation; the caller applies it (Core writes nothing).</summary>
/// <param name="Kind">Nothing to do, a transition to store and notify, or a "remaining" notification only.</param>
public sealed record EvaluationResult(EvaluationKind Kind, string State, string Reason, JsonObject ReasonData)
{
    public static readonly EvaluationResult Nothing = new(EvaluationKind.None, "", "", new JsonObject());

    public static EvaluationResult Transition(string state, string reason, JsonObject data) => new(EvaluationKind.Transition, state, reason, data);

    public static EvaluationResult Remaining(string state, string reason, JsonObject data) => new(EvaluationKind.Remaining, state, reason, data);
}

public enum EvaluationKind
{
    None,
    Transition,
    Remaining,
}
