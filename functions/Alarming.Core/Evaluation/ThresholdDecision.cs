using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;

namespace Alarming.Core.Evaluation;

/// <summary>Aodh's transition table for the threshold family.</summary>
public static class ThresholdDecision
{
    public static EvaluationResult Decide(string current, bool repeatActions, ThresholdRule rule, LeafOutcome leaf)
    {
        if (leaf.IsUnknown)
        {
            if (current != AlarmStates.InsufficientData)
            {
                return EvaluationResult.Transition(AlarmStates.InsufficientData, leaf.UnknownReason!,
                    Data("unknown", rule.EvaluationPeriods, leaf.MostRecent, leaf.Integral));
            }
            // U2: a quirk kept for parity ("0 samples outside", Python's None).
            return repeatActions
                ? EvaluationResult.Remaining(AlarmStates.InsufficientData,
                    $"Remaining as insufficient data due to 0 samples outside threshold, most recent: {Format(leaf.MostRecent, leaf.Integral)}",
                    Data("outside", 0, leaf.MostRecent, leaf.Integral))
                : EvaluationResult.Nothing;
        }
        if (leaf.State is { } outcome)
        {
            if (outcome != current)
            {
                return Result(EvaluationKind.Transition, outcome, leaf);
            }
            return repeatActions ? Result(EvaluationKind.Remaining, outcome, leaf) : EvaluationResult.Nothing;
        }
        // A mixed window only resolves insufficient data; otherwise it keeps the state.
        if (current == AlarmStates.InsufficientData)
        {
            return Result(EvaluationKind.Transition, leaf.Trend!, leaf);
        }
        return repeatActions ? Result(EvaluationKind.Remaining, current, leaf) : EvaluationResult.Nothing;
    }

    private static EvaluationResult Result(EvaluationKind kind, string state, LeafOutcome leaf)
    {
        var (disposition, count) = state == AlarmStates.Alarm ? ("outside", leaf.Outside) : ("inside", leaf.Values.Count - leaf.Outside);
        var verb = kind == EvaluationKind.Transition ? "Transition to" : "Remaining as";
        var reason = $"{verb} {state} due to {count} samples {disposition} threshold, most recent: {Format(leaf.MostRecent, leaf.Integral)}";
        return new EvaluationResult(kind, state, reason, Data(disposition, count, leaf.MostRecent, leaf.Integral));
    }

    public static JsonObject Data(string disposition, int count, double? mostRecent, bool integral = false) => new()
    {
        ["type"] = "threshold",
        ["disposition"] = disposition,
        ["count"] = count,
        ["most_recent"] = mostRecent is { } v ? (integral ? JsonValue.Create((long)v) : JsonNumbers.Float(v)) : null,
    };

    private static string Format(double? value, bool integral) =>
        value is { } v ? (integral ? ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture) : PythonFloat.Format(v)) : "None";
}
