using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Evaluation;

namespace Alarming.Core.Tests.Evaluation;

public sealed class CompositeEvaluatorTests
{
    private static JsonObject Leaf(string resource) => new()
    {
        ["type"] = "gnocchi_resources_threshold", ["metric"] = "cpu", ["resource_id"] = resource, ["resource_type"] = "instance",
        ["comparison_operator"] = "gt", ["threshold"] = 50.0, ["aggregation_method"] = "mean", ["evaluation_periods"] = 1, ["granularity"] = 60,
    };

    /// <summary><c>{"or": [r1, {"and": [r2, r3]}]}</c>, the spec's example tree.</summary>
    private static JsonObject Tree() => new() { ["or"] = new JsonArray(Leaf("r1"), new JsonObject { ["and"] = new JsonArray(Leaf("r2"), Leaf("r3")) }) };

    private static LeafOutcome State(string state) => new(state, null, [1], state == AlarmStates.Alarm ? 1 : 0, 1, state == AlarmStates.InsufficientData ? "x" : null);
    private static LeafOutcome Mixed(string trend) => new(null, trend, [1, 2], 1, 2, null);

    private static async Task<(EvaluationResult Result, List<string> Fetched)> Run(string current, bool repeat, Dictionary<string, LeafOutcome> outcomes, JsonObject? tree = null)
    {
        var fetched = new List<string>();
        var result = await CompositeEvaluator.EvaluateAsync(tree ?? Tree(), current, repeat, rule =>
        {
            fetched.Add(rule.ResourceId!);
            return Task.FromResult(outcomes[rule.ResourceId!]);
        });
        return (result, fetched);
    }

    [Fact]
    public async Task AlarmingFirstLeaf_DecidesWithoutFetchingTheOthers()
    {
        var (result, fetched) = await Run("ok", false, new() { ["r1"] = State("alarm") });
        Assert.Equal(["r1"], fetched);
        Assert.Equal("Composite rule alarm with composition form: (rule1 or (rule2 and rule3)) transition to alarm, due to rules: rule1 outside their threshold.", result.Reason);
        Assert.Equal("(rule1 or (rule2 and rule3))", result.ReasonData["composition_form"]!.GetValue<string>());
        Assert.Equal("r1", result.ReasonData["causative_rules"]!["rule1"]!["resource_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OkLeaves_GiveOk()
    {
        var (result, _) = await Run("alarm", false, new() { ["r1"] = State("ok"), ["r2"] = State("ok"), ["r3"] = State("alarm") });
        Assert.Equal("Composite rule alarm with composition form: (rule1 or (rule2 and rule3)) transition to ok, due to rules: rule1, rule2 inside their threshold.", result.Reason);
    }

    [Fact]
    public async Task UnknownLeaf_GivesInsufficientData_ThenNothingEvenWithRepeat()
    {
        var outcomes = new Dictionary<string, LeafOutcome> { ["r1"] = State("ok"), ["r2"] = State("alarm"), ["r3"] = State("insufficient data") };
        var (result, _) = await Run("ok", false, outcomes);
        Assert.Equal("Composite rule alarm with composition form: (rule1 or (rule2 and rule3)) transition to insufficient data, due to rules: rule3 state evaluated to unknown.", result.Reason);
        var (again, _) = await Run("insufficient data", true, outcomes);
        Assert.Equal(EvaluationKind.None, again.Kind);
    }

    [Fact]
    public async Task MixedLeaf_TakesItsTrend_OnlyWhenLeavingInsufficientData()
    {
        var outcomes = new Dictionary<string, LeafOutcome> { ["r1"] = State("ok"), ["r2"] = State("alarm"), ["r3"] = Mixed("ok") };
        var (fromUnknown, _) = await Run("insufficient data", false, outcomes);
        Assert.Equal("Composite rule alarm with composition form: (rule1 or (rule2 and rule3)) transition to ok, due to rules: rule1, rule3 inside their threshold.", fromUnknown.Reason);

        // From ok, the mixed leaf counts as the opposite of its trend: alarm.
        var (fromOk, _) = await Run("ok", false, outcomes);
        Assert.Equal(AlarmStates.Alarm, fromOk.State);
        Assert.EndsWith("due to rules: rule2, rule3 outside their threshold.", fromOk.Reason);
    }

    [Fact]
    public async Task SameOutcome_RemainsOnlyWithRepeat_AndRulesSortAsStrings()
    {
        var leaves = new JsonArray(Enumerable.Range(1, 10).Select(i => (JsonNode?)Leaf($"r{i}")).ToArray());
        var tree = new JsonObject { ["and"] = leaves };
        var outcomes = Enumerable.Range(1, 10).ToDictionary(i => $"r{i}", _ => State("alarm"));
        Assert.Equal(EvaluationKind.None, (await Run("alarm", false, outcomes, tree)).Result.Kind);
        var (repeat, _) = await Run("alarm", true, outcomes, tree);
        Assert.Equal(EvaluationKind.Remaining, repeat.Kind);
        Assert.Contains("remaining as alarm, due to rules: rule1, rule10, rule2, rule3", repeat.Reason);
    }

    [Fact]
    public async Task EmptyOperator_NeverEvaluates()
    {
        var (result, fetched) = await Run("ok", true, [], new JsonObject { ["or"] = new JsonArray() });
        Assert.Equal(EvaluationKind.None, result.Kind);
        Assert.Empty(fetched);
    }

    [Fact]
    public async Task LoneLeaf_IsItsOwnForm()
    {
        var (result, _) = await Run("ok", false, new() { ["r1"] = State("alarm") }, Leaf("r1"));
        Assert.StartsWith("Composite rule alarm with composition form: rule1 transition to alarm", result.Reason);
    }
}
