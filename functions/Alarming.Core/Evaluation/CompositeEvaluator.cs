using System.Text.Json.Nodes;
using Alarming.Core.Alarms;

namespace Alarming.Core.Evaluation;

/// <summary>Composite alarms: an and/or tree of threshold leaves, evaluated lazily.</summary>
public static class CompositeEvaluator
{
    private abstract record Node;
    private sealed record Leaf(string Name, ThresholdRule Rule, JsonObject Stored) : Node;
    private sealed record Operator(bool IsAnd, IReadOnlyList<Node> Children) : Node;

    /// <param name="evaluateLeaf">Fetches and evaluates one leaf; called at most once per leaf.</param>
    public static async Task<EvaluationResult> EvaluateAsync(
        JsonObject compositeRule, string current, bool repeatActions, Func<ThresholdRule, Task<LeafOutcome>> evaluateLeaf)
    {
        var leaves = new List<Leaf>();
        var root = Parse(compositeRule, leaves);
        if (root is null)
        {
            return EvaluationResult.Nothing;  // {"or": []} can never evaluate, as in Aodh
        }
        var form = Form(root);
        var outcomes = new Dictionary<string, LeafOutcome>();
        async Task<LeafOutcome> Outcome(Leaf leaf)
        {
            if (!outcomes.TryGetValue(leaf.Name, out var outcome))
            {
                outcomes[leaf.Name] = outcome = await evaluateLeaf(leaf.Rule);
            }
            return outcome;
        }

        // Pass 1: mixed leaves are neither alarm nor ok.
        var states = new Dictionary<string, string?>();
        async Task<string?> PlainState(Leaf leaf) => states[leaf.Name] = (await Outcome(leaf)).State;
        var decided = await DecideAsync(root, PlainState);

        if (decided is null)
        {
            // Pass 2: every leaf evaluated; a mixed leaf takes its trend only when leaving
            // insufficient data, else the opposite ("has not left the state yet").
            foreach (var leaf in leaves)
            {
                var outcome = await Outcome(leaf);
                states[leaf.Name] = outcome.State ?? (current == AlarmStates.InsufficientData ? outcome.Trend : Opposite(outcome.Trend!));
            }
            decided = await DecideAsync(root, leaf => Task.FromResult(states[leaf.Name]));
        }

        var state = decided ?? AlarmStates.InsufficientData;
        EvaluationKind kind;
        if (decided is null)
        {
            kind = current == AlarmStates.InsufficientData ? EvaluationKind.None : EvaluationKind.Transition;
        }
        else
        {
            kind = state != current ? EvaluationKind.Transition : repeatActions ? EvaluationKind.Remaining : EvaluationKind.None;
        }
        if (kind == EvaluationKind.None)
        {
            return EvaluationResult.Nothing;
        }
        var causes = leaves.Where(l => states.TryGetValue(l.Name, out var s) && s == state)
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var description = state switch
        {
            AlarmStates.Alarm => "outside their threshold.",
            AlarmStates.Ok => "inside their threshold.",
            _ => "state evaluated to unknown.",
        };
        var verb = kind == EvaluationKind.Transition ? "transition to" : "remaining as";
        var reason = $"Composite rule alarm with composition form: {form} {verb} {state}, due to rules: {string.Join(", ", causes.Select(c => c.Name))} {description}";
        var data = new JsonObject
        {
            ["type"] = "composite",
            ["composition_form"] = form,
            ["causative_rules"] = new JsonObject(causes.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.Stored.DeepClone()))),
        };
        return new EvaluationResult(kind, state, reason, data);
    }

    /// <summary>alarm-expr first, then ok-expr; <c>null</c> when neither holds.</summary>
    private static async Task<string?> DecideAsync(Node root, Func<Leaf, Task<string?>> state)
    {
        if (await AlarmExpr(root, state))
        {
            return AlarmStates.Alarm;
        }
        return await OkExpr(root, state) ? AlarmStates.Ok : null;
    }

    private static async Task<bool> AlarmExpr(Node node, Func<Leaf, Task<string?>> state) => node switch
    {
        Leaf leaf => await state(leaf) == AlarmStates.Alarm,
        Operator { IsAnd: true } all => await AllAsync(all.Children, c => AlarmExpr(c, state)),
        Operator any => await AnyAsync(any.Children, c => AlarmExpr(c, state)),
        _ => false,
    };

    /// <remarks>De Morgan: "and" is ok when any child is ok; "or" when all are.</remarks>
    private static async Task<bool> OkExpr(Node node, Func<Leaf, Task<string?>> state) => node switch
    {
        Leaf leaf => await state(leaf) == AlarmStates.Ok,
        Operator { IsAnd: true } all => await AnyAsync(all.Children, c => OkExpr(c, state)),
        Operator any => await AllAsync(any.Children, c => OkExpr(c, state)),
        _ => false,
    };

    private static async Task<bool> AllAsync(IEnumerable<Node> nodes, Func<Node, Task<bool>> test)
    {
        foreach (var node in nodes)
        {
            if (!await test(node))
            {
                return false;
            }
        }
        return true;
    }

    private static async Task<bool> AnyAsync(IEnumerable<Node> nodes, Func<Node, Task<bool>> test)
    {
        foreach (var node in nodes)
        {
            if (await test(node))
            {
                return true;
            }
        }
        return false;
    }

    private static Node? Parse(JsonNode? node, List<Leaf> leaves)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }
        if (obj.Count == 1 && obj.First().Key is "and" or "or")
        {
            var children = obj.First().Value?.AsArray().Select(c => Parse(c, leaves)).ToList();
            return children is { Count: > 0 } && children.All(c => c is not null)
                ? new Operator(obj.First().Key == "and", children!)
                : null;
        }
        var type = obj["type"]?.GetValue<string>() ?? "";
        var leaf = new Leaf($"rule{leaves.Count + 1}", new ThresholdRule(type, obj), obj);
        leaves.Add(leaf);
        return leaf;
    }

    private static string Form(Node node) => node switch
    {
        Leaf leaf => leaf.Name,
        Operator op => "(" + string.Join(op.IsAnd ? " and " : " or ", op.Children.Select(Form)) + ")",
        _ => "",
    };

    private static string Opposite(string trend) => trend == AlarmStates.Alarm ? AlarmStates.Ok : AlarmStates.Alarm;
}
