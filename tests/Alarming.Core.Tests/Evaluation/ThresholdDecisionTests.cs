using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;

namespace Alarming.Core.Tests.Evaluation;

public sealed class ThresholdDecisionTests
{
    private static ThresholdRule Rule(string op = "gt", double threshold = 50, int periods = 3, long granularity = 60) =>
        new("gnocchi_resources_threshold", new JsonObject
        {
            ["metric"] = "cpu", ["resource_id"] = "vm-1", ["resource_type"] = "instance", ["comparison_operator"] = op,
            ["threshold"] = threshold, ["aggregation_method"] = "mean", ["evaluation_periods"] = periods, ["granularity"] = granularity,
        });

    private static MeasureFetch Points(params double[] values) =>
        MeasureFetch.Of(values.Select((v, i) => new MeasurePoint(DateTimeOffset.UnixEpoch.AddMinutes(i), 60.0, v)).ToList());

    private static EvaluationResult Decide(string state, bool repeat, MeasureFetch fetch, ThresholdRule? rule = null)
    {
        rule ??= Rule();
        return ThresholdDecision.Decide(state, repeat, rule, ThresholdLeafEvaluator.Evaluate(rule, fetch));
    }

    [Theory]
    // A worked example of Aodh's transition table (gt 50, 3 periods, no repeat).
    [InlineData("insufficient data", false, new[] { 60, 70, 80.5 }, "Transition", "alarm", "Transition to alarm due to 3 samples outside threshold, most recent: 80.5")]
    [InlineData("alarm", false, new[] { 60.0, 40, 30 }, "None", "", "")]
    [InlineData("alarm", false, new[] { 10.0, 20, 30 }, "Transition", "ok", "Transition to ok due to 3 samples inside threshold, most recent: 30.0")]
    [InlineData("ok", false, new double[0], "Transition", "insufficient data", "No datapoint for granularity 60")]
    [InlineData("alarm", false, new[] { 60.0 }, "Transition", "insufficient data", "3 datapoints are unknown")]
    // Mixed windows resolve insufficient data by trend, and otherwise keep the state.
    [InlineData("insufficient data", false, new[] { 60.0, 40, 70 }, "Transition", "alarm", "Transition to alarm due to 2 samples outside threshold, most recent: 70.0")]
    [InlineData("alarm", true, new[] { 60.0, 40, 30 }, "Remaining", "alarm", "Remaining as alarm due to 1 samples outside threshold, most recent: 30.0")]
    [InlineData("ok", true, new[] { 60.0, 40, 70 }, "Remaining", "ok", "Remaining as ok due to 1 samples inside threshold, most recent: 70.0")]
    [InlineData("ok", false, new[] { 60.0, 40, 70 }, "None", "", "")]
    // Same outcome: remaining only with repeat.
    [InlineData("ok", true, new[] { 1.0, 2, 3 }, "Remaining", "ok", "Remaining as ok due to 3 samples inside threshold, most recent: 3.0")]
    [InlineData("ok", false, new[] { 1.0, 2, 3 }, "None", "", "")]
    // Insufficient again: U2 with repeat, nothing without.
    [InlineData("insufficient data", true, new[] { 60.0 }, "Remaining", "insufficient data", "Remaining as insufficient data due to 0 samples outside threshold, most recent: 60.0")]
    [InlineData("insufficient data", true, new double[0], "Remaining", "insufficient data", "Remaining as insufficient data due to 0 samples outside threshold, most recent: None")]
    [InlineData("insufficient data", false, new double[0], "None", "", "")]
    // Only the last evaluation_periods values count.
    [InlineData("ok", false, new[] { 1.0, 2, 60, 70, 80 }, "Transition", "alarm", "Transition to alarm due to 3 samples outside threshold, most recent: 80.0")]
    public void Decide_FollowsAodhsTable(string state, bool repeat, double[] values, string kind, string newState, string reason)
    {
        var result = Decide(state, repeat, Points(values));
        Assert.Equal(kind, result.Kind.ToString());
        Assert.Equal(newState, result.State);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void ReasonData_CarriesDispositionCountAndMostRecent()
    {
        Assert.Equal("{\"type\":\"threshold\",\"disposition\":\"outside\",\"count\":3,\"most_recent\":80.5}",
            Decide("ok", false, Points(60, 70, 80.5)).ReasonData.ToJsonString());
        Assert.Equal("{\"type\":\"threshold\",\"disposition\":\"unknown\",\"count\":3,\"most_recent\":60.0}",
            Decide("ok", false, Points(60)).ReasonData.ToJsonString());
        Assert.Equal("{\"type\":\"threshold\",\"disposition\":\"unknown\",\"count\":3,\"most_recent\":null}",
            Decide("ok", false, Points()).ReasonData.ToJsonString());
    }

    [Theory]
    [InlineData("lt", 51, true)]
    [InlineData("lt", 50.5, false)]
    [InlineData("le", 50.5, true)]
    [InlineData("eq", 50.5, true)]
    [InlineData("ne", 50.5, false)]
    [InlineData("ge", 50.5, true)]
    [InlineData("gt", 50.5, false)]
    [InlineData("gt", 50.4, true)]
    public void Operators_CompareAtTheBoundary(string op, double threshold, bool alarms)
    {
        var result = Decide("insufficient data", false, Points(50.5), Rule(op, threshold, periods: 1));
        Assert.Equal(alarms ? "alarm" : "ok", result.State);
    }

    [Theory]
    [InlineData(1e-05, "1e-05")]
    [InlineData(12345678901234567, "1.2345678901234568e+16")]
    public void MostRecent_IsFormattedAsPython(double value, string text) =>
        Assert.EndsWith("most recent: " + text, Decide("ok", false, Points(value), Rule(periods: 1, threshold: -1)).Reason);

    [Fact]
    public void Points_OfOtherGranularities_AreIgnored()
    {
        var fetch = MeasureFetch.Of([new MeasurePoint(DateTimeOffset.UnixEpoch, 300.0, 99), new MeasurePoint(DateTimeOffset.UnixEpoch, 60.0, 99)]);
        Assert.Equal("3 datapoints are unknown", Decide("ok", false, fetch).Reason);
    }

    [Theory]
    [InlineData(FetchFailureKind.MetricNotFound, "metric cpu for resource vm-1 does not exists")]
    [InlineData(FetchFailureKind.ResourceNotFound, "resource vm-1 does not exists")]
    [InlineData(FetchFailureKind.OtherNotFound, "aggregation mean does not exist for metric cpu of resource vm-1")]
    [InlineData(FetchFailureKind.Other, "alarm statistics retrieval failed: boom (HTTP 500)")]
    public void Failures_AreInsufficientData_WithAodhsReasons(FetchFailureKind kind, string reason)
    {
        var result = Decide("ok", false, MeasureFetch.Failed(kind, "boom (HTTP 500)"));
        Assert.Equal("insufficient data", result.State);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void ByMetricsFailures_NameTheMetricsAsAPythonList()
    {
        var rule = new ThresholdRule("gnocchi_aggregation_by_metrics_threshold", new JsonObject
        {
            ["metrics"] = new JsonArray("m1", "m2"), ["threshold"] = 1.0, ["aggregation_method"] = "mean",
        });
        Assert.Equal("At least of metrics in ['m1', 'm2'] does not exist",
            Decide("ok", false, MeasureFetch.Failed(FetchFailureKind.MetricNotFound, ""), rule).Reason);
    }

    [Fact]
    public void Window_IsOneExtraPeriodPlusLag()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal((now.AddMinutes(-20), now), Rule(granularity: 300, periods: 3).Window(now, TimeSpan.Zero));
        Assert.Equal(now.AddMinutes(-21), Rule(granularity: 300, periods: 3).Window(now, TimeSpan.FromMinutes(1)).Start);
    }
}
