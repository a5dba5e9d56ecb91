using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;
using Alarming.Core.Evaluation.Legacy;

namespace Alarming.Core.Tests.Evaluation.Legacy;

/// <summary>Worked cases of the legacy rule's statistics and decisions, and its window examples.</summary>
public sealed class LegacyThresholdEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static StoredLegacyThresholdRule Rule(string statistic = "avg", double threshold = 50, int period = 60, int periods = 3,
        bool excludeOutliers = false) => new(new JsonObject
    {
        ["period"] = period, ["comparison_operator"] = "gt", ["threshold"] = threshold, ["statistic"] = statistic,
        ["evaluation_periods"] = periods, ["meter_name"] = "cpu_util", ["exclude_outliers"] = excludeOutliers, ["query"] = new JsonArray(),
    });

    /// <summary>value@mm:ss in the hour before <see cref="Now"/>; 60:00 is <see cref="Now"/> itself.</summary>
    private static (DateTimeOffset, double)[] At(params (double Value, string MinuteSecond)[] measures) =>
        measures.Select(m =>
        {
            var parts = m.MinuteSecond.Split(':').Select(int.Parse).ToArray();
            return (Now.AddHours(-1).AddMinutes(parts[0]).AddSeconds(parts[1]), m.Value);
        }).ToArray();

    private static EvaluationResult Decide(string state, bool repeat, StoredLegacyThresholdRule rule, (DateTimeOffset, double)[] measures) =>
        ThresholdDecision.Decide(state, repeat, rule.Comparison, LegacyThresholdEvaluator.Evaluate(rule, measures, Now, TimeSpan.Zero));

    private static readonly (double, string)[] ThreeHigh = [(60, "57:10"), (70, "58:10"), (80.5, "59:10")];

    [Theory]
    [InlineData(60, 5, false, 0, "09:54:00")]
    [InlineData(60, 5, false, 42, "09:53:18")]
    [InlineData(60, 5, true, 0, "09:50:00")]
    [InlineData(600, 1, false, 0, "09:40:00")]
    public void Window_CoversThePeriodsAndTheLookBack(int period, int periods, bool exclude, int lagSeconds, string start) =>
        Assert.Equal(start, Rule(period: period, periods: periods, excludeOutliers: exclude)
            .WindowStart(Now, TimeSpan.FromSeconds(lagSeconds)).ToString("HH:mm:ss"));

    [Fact]
    public void Case1_ThreeValuesAbove_Alarm()
    {
        var result = Decide("insufficient data", false, Rule(), At(ThreeHigh));
        Assert.Equal(("alarm", "Transition to alarm due to 3 samples outside threshold, most recent: 80.5"), (result.State, result.Reason));
        Assert.Equal("""{"type":"threshold","disposition":"outside","count":3,"most_recent":80.5}""", result.ReasonData.ToJsonString());
    }

    [Fact]
    public void Case2_TwoValuesOfThree_Nothing() =>
        Assert.Equal(EvaluationKind.None, Decide("insufficient data", false, Rule(), At((60, "57:10"), (80.5, "59:10"))).Kind);

    [Fact]
    public void Case3_Mixed_FollowsTheTrend() =>
        Assert.Equal("Transition to alarm due to 2 samples outside threshold, most recent: 70.0",
            Decide("insufficient data", false, Rule(), At((60, "57:10"), (40, "58:10"), (70, "59:10"))).Reason);

    [Fact]
    public void Case4_MixedInAlarm_NotifiesOnlyWithRepeat()
    {
        var measures = At((60, "57:10"), (40, "58:10"), (30, "59:10"));
        var repeated = Decide("alarm", true, Rule(), measures);
        Assert.Equal((EvaluationKind.Remaining, "Remaining as alarm due to 1 samples outside threshold, most recent: 30.0"), (repeated.Kind, repeated.Reason));
        Assert.Equal(EvaluationKind.None, Decide("alarm", false, Rule(), measures).Kind);
    }

    [Fact]
    public void Case5_AllInside_Ok() =>
        Assert.Equal("Transition to ok due to 3 samples inside threshold, most recent: 30.0",
            Decide("alarm", false, Rule(), At((10, "57:10"), (20, "58:10"), (30, "59:10"))).Reason);

    [Fact]
    public void Case6_OneValue_InsufficientData_WithTheRequiredCount()
    {
        var result = Decide("ok", false, Rule(), At((60, "59:10")));
        Assert.Equal(("insufficient data", "3 datapoints are unknown"), (result.State, result.Reason));
        Assert.Equal("""{"type":"threshold","disposition":"unknown","count":3,"most_recent":60.0}""", result.ReasonData.ToJsonString());
    }

    [Fact]
    public void Case7_NoData_WithRepeat_RemainsWithPythonsNone()
    {
        var result = Decide("insufficient data", true, Rule(), []);
        Assert.Equal("Remaining as insufficient data due to 0 samples outside threshold, most recent: None", result.Reason);
        Assert.Equal("""{"type":"threshold","disposition":"outside","count":0,"most_recent":null}""", result.ReasonData.ToJsonString());
    }

    [Fact]
    public void Case8_TheLookBackPeriodFillsAnEmptyLastPeriod() =>
        Assert.Equal("Transition to ok due to 2 samples inside threshold, most recent: 10.0",
            Decide("insufficient data", false, Rule(), At((99, "56:30"), (10, "57:10"), (10, "58:10"))).Reason);

    [Fact]
    public void Case9_AMeasureExactlyAtNow_IsNotUsed() =>
        Assert.Equal(EvaluationKind.None, Decide("insufficient data", false, Rule(periods: 1), At((99, "60:00"))).Kind);

    [Fact]
    public void Case10_CountsAreIntegers()
    {
        var twoEach = At((5, "57:10"), (5, "57:20"), (5, "58:10"), (5, "58:20"), (5, "59:10"), (5, "59:20"));
        var result = Decide("insufficient data", false, Rule(statistic: "count", threshold: 1.0), twoEach);
        Assert.Equal("Transition to alarm due to 3 samples outside threshold, most recent: 2", result.Reason);
        Assert.Equal("""{"type":"threshold","disposition":"outside","count":3,"most_recent":2}""", result.ReasonData.ToJsonString());
    }

    [Fact]
    public void Case11_TheSeedRule_TakesTheMaxOfTheLastTenMinutes() =>
        Assert.Equal("Transition to alarm due to 1 samples outside threshold, most recent: 25.0",
            Decide("insufficient data", false, Rule("max", 20.0, 600, 1), At((5, "51:40"), (25, "58:20"), (10, "59:30"))).Reason);

    [Fact]
    public void Case12_OutlierPeriods_AreDropped()
    {
        // Five measures of 60 in each of 09:54..09:58, one 10 in 09:59.
        var measures = Enumerable.Range(54, 5).SelectMany(minute => Enumerable.Range(0, 5).Select(s => (60.0, $"{minute}:{s * 10}")))
            .Append((10.0, "59:10")).ToArray();
        Assert.Equal("Transition to alarm due to 3 samples outside threshold, most recent: 60.0",
            Decide("ok", false, Rule(excludeOutliers: true), At(measures)).Reason);
        Assert.Equal(EvaluationKind.None, Decide("ok", false, Rule(), At(measures)).Kind);
    }
}
