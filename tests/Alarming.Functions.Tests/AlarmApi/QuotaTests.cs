using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.AlarmApi;

public sealed class QuotaTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task Quotas_SetShowDelete_AndEnforce()
    {
        var admin = host.NewProject("admin");
        var member = host.NewProject();

        var shown = await member.GetAsync("/v2/quotas");
        Assert.Equal($"{{\"project_id\":\"{member.ProjectId}\",\"quotas\":[{{\"resource\":\"alarms\",\"limit\":-1}}]}}", shown.Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync($"/v2/quotas?project_id={admin.ProjectId}")).Status);

        var refused = await member.PostAsync("/v2/quotas", new JsonObject { ["project_id"] = member.ProjectId, ["quotas"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("RBAC Authorization Failed", refused.Fault);

        var set = await admin.PostAsync("/v2/quotas", JsonNode.Parse(
            $"{{\"project_id\": \"{member.ProjectId}\", \"quotas\": [{{\"resource\": \"alarms\", \"limit\": 2}}]}}"));
        Assert.Equal(HttpStatusCode.Created, set.Status);
        Assert.Equal(2, set.Json!["quotas"]![0]!["limit"]!.GetValue<int>());

        await member.CreateAlarmAsync(AlarmBodies.Threshold());
        await member.CreateAlarmAsync(AlarmBodies.Threshold());
        var over = await member.PostAsync("/v2/alarms", AlarmBodies.Threshold());
        Assert.Equal(HttpStatusCode.Forbidden, over.Status);
        Assert.Equal($"Alarm quota exceeded for user {member.UserId} on project {member.ProjectId}", over.Fault);
        Assert.Equal(2, (await member.GetAsync("/v2/alarms")).Json!.AsArray().Count);

        // A stored −1 means unlimited here (Aodh would refuse every create).
        await admin.PostAsync("/v2/quotas", JsonNode.Parse($"{{\"project_id\": \"{member.ProjectId}\", \"quotas\": [{{\"resource\": \"alarms\", \"limit\": -1}}]}}"));
        await member.CreateAlarmAsync(AlarmBodies.Threshold());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v2/quotas/{member.ProjectId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync($"/v2/quotas/{member.ProjectId}")).Status);
        Assert.Equal("Missing argument: \"project_id\"", (await admin.DeleteAsync("/v2/quotas")).Fault);
    }

    [Theory]
    [InlineData("{\"quotas\": []}", "Invalid input for field/attribute project_id. Value: 'None'. Mandatory field missing.")]
    [InlineData("{\"project_id\": \"p\", \"quotas\": [{\"resource\": \"alarms\", \"limit\": -5}]}", "Invalid input for field/attribute limit. Value: '-5'. Value should be greater or equal to -1")]
    [InlineData("{\"project_id\": \"p\", \"quotas\": [{\"resource\": \"foo\", \"limit\": 1}]}", "Invalid input for field/attribute resource. Value: 'foo'. Value should be one of: alarms")]
    [InlineData("{\"project_id\": \"p\", \"extra\": 1}", "Unknown attribute for argument body: extra")]
    public async Task SetQuotas_RefusesBadBodies(string body, string fault)
    {
        var admin = host.NewProject("admin");
        var response = await admin.SendAsync(HttpMethod.Post, "/v2/quotas", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(fault, response.Fault);
    }
}

/// <summary>A host with configured default quotas.</summary>
public sealed class ConfiguredQuotaFixture : AlarmingHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Api:UserAlarmQuota"] = "3",
        ["Api:ProjectAlarmQuota"] = "2",
        ["Api:AlarmMaxActions"] = "1",
    };
}

public sealed class ConfiguredQuotaTests(ConfiguredQuotaFixture host) : IClassFixture<ConfiguredQuotaFixture>
{
    [Fact]
    public async Task ProjectAndUserQuotas_AndMaxActions_Apply()
    {
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        var first = host.As(user, "p-" + Guid.NewGuid().ToString("N")[..8], "member");
        var second = host.As(user, "p-" + Guid.NewGuid().ToString("N")[..8], "member");

        await first.CreateAlarmAsync(AlarmBodies.Threshold());
        await first.CreateAlarmAsync(AlarmBodies.Threshold());
        Assert.Equal(HttpStatusCode.Forbidden, (await first.PostAsync("/v2/alarms", AlarmBodies.Threshold())).Status);  // project quota 2
        await second.CreateAlarmAsync(AlarmBodies.Threshold());
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsync("/v2/alarms", AlarmBodies.Threshold())).Status);  // user quota 3

        var body = AlarmBodies.Threshold();
        body["alarm_actions"] = new JsonArray("http://a/", "http://b/", "http://a/");
        var tooMany = await host.NewProject().PostAsync("/v2/alarms", body);
        Assert.Equal("alarm_actions count exceeds maximum value 1", tooMany.Fault);
    }
}
