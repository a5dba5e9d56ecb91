using System.Net;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.MetricApi;

/// <summary><c>GET /v1/resource/{type}/{id}/metric/{name}</c>, as Ceilometer reads a resource's metric.</summary>
public sealed class ResourceMetricTests(ApiOnlyHostFixture host) : IClassFixture<ApiOnlyHostFixture>
{
    [Fact]
    public async Task NamedMetric_AnswersTheMetricBody_ThroughTheOriginalId()
    {
        var project = host.NewProject();
        var original = "srv-" + Guid.NewGuid().ToString("N")[..8];
        var created = await project.PostAsync("/v1/resource/instance", new JsonObject
        {
            ["id"] = original,
            ["project_id"] = project.ProjectId,
            ["metrics"] = new JsonObject { ["cpu_util"] = new JsonObject { ["archive_policy_name"] = "medium", ["unit"] = "%" } },
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var metricId = created.Json!["metrics"]!["cpu_util"]!.GetValue<string>();
        var byId = await project.GetAsync($"/v1/metric/{metricId}");

        var named = await project.GetAsync($"/v1/resource/instance/{original}/metric/cpu_util");

        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.Equal(byId.Text, named.Text);
        var metric = named.Json!;
        Assert.Equal(metricId, metric["id"]!.GetValue<string>());
        Assert.Equal("cpu_util", metric["name"]!.GetValue<string>());
        Assert.Equal("%", metric["unit"]!.GetValue<string>());
        Assert.Equal($"{project.UserId}:{project.ProjectId}", metric["creator"]!.GetValue<string>());
        Assert.Equal(created.Json["id"]!.GetValue<string>(), metric["resource_id"]!.GetValue<string>());
        Assert.Equal("medium", metric["archive_policy"]!["name"]!.GetValue<string>());
        Assert.Equal(original, metric["resource"]!["original_resource_id"]!.GetValue<string>());
        Assert.Equal(byId.Text, (await project.GetAsync($"/v1/resource/generic/{original}/metric/cpu_util")).Text);
    }

    [Fact]
    public async Task MissingMetricOrResource_Is404_WithGnocchisMessage_NamingTheResolvedId()
    {
        var project = host.NewProject();
        var resource = await project.CreateResourceAsync("cpu");
        var missingOriginal = "srv-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(ResourceIds.TryResolve(missingOriginal, $"{project.UserId}:{project.ProjectId}", out var missingId));

        var noMetric = await project.GetAsync($"/v1/resource/generic/{resource}/metric/memory");
        var noResource = await project.GetAsync($"/v1/resource/generic/{missingOriginal}/metric/cpu");
        var noMetricOfType = await project.GetAsync($"/v1/resource/instance/{resource}/metric/memory");

        Assert.Equal(HttpStatusCode.NotFound, noMetric.Status);
        Assert.Equal("Metric memory does not exist", noMetric.Json!["description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, noResource.Status);
        Assert.Equal($"Resource {missingId} does not exist", noResource.Json!["description"]!.GetValue<string>());
        // The path's type matters only when the metric is missing: a generic resource is not an instance.
        Assert.Equal(HttpStatusCode.NotFound, noMetricOfType.Status);
        Assert.Equal($"Resource {resource} does not exist", noMetricOfType.Json!["description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await project.GetAsync($"/v1/resource/instance/{resource}/metric/cpu")).Status);
    }
}
