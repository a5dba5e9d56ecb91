using System.Text.Json.Nodes;
using Alarming.Core.Evaluation;

namespace Alarming.Core.Tests.Evaluation;

public sealed class ThresholdRuleTests
{
    private static ThresholdRule Rule(string resource = "vm-1", string metric = "cpu", double threshold = 80, string aggregation = "mean", int granularity = 60) =>
        new("gnocchi_resources_threshold", new JsonObject
        {
            ["resource_id"] = resource, ["metric"] = metric, ["resource_type"] = "instance", ["threshold"] = threshold,
            ["aggregation_method"] = aggregation, ["granularity"] = granularity, ["comparison_operator"] = "gt",
        });

    [Fact]
    public void RulesReadingOneSeries_ShareTheKey_WhateverTheirThresholdOrAggregation() =>
        Assert.Equal(Rule().SeriesKey, Rule(threshold: 10, aggregation: "max").SeriesKey);

    [Theory]
    [InlineData("vm-2", "cpu", 60)]
    [InlineData("vm-1", "memory", 60)]
    [InlineData("vm-1", "cpu", 300)]
    public void ADifferentResourceMetricOrGranularity_IsAnotherSeries(string resource, string metric, int granularity) =>
        Assert.NotEqual(Rule().SeriesKey, Rule(resource, metric, granularity: granularity).SeriesKey);
}
