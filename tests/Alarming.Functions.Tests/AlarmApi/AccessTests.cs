using System.Net;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.AlarmApi;

/// <summary>Two projects and an admin.</summary>
public sealed class AccessTests(AlarmingHostFixture host) : IClassFixture<AlarmingHostFixture>
{
    [Fact]
    public async Task AnotherProjectsAlarm_IsNotFound_ForEveryOperation()
    {
        var owner = host.NewProject();
        var stranger = host.NewProject();
        var alarm = await owner.CreateAlarmAsync(AlarmBodies.Threshold());
        var id = alarm["alarm_id"]!.GetValue<string>();

        foreach (var response in new[]
                 {
                     await stranger.GetAsync($"/v2/alarms/{id}"),
                     await stranger.PutAsync($"/v2/alarms/{id}", AlarmBodies.Threshold()),
                     await stranger.DeleteAsync($"/v2/alarms/{id}"),
                     await stranger.GetAsync($"/v2/alarms/{id}/state"),
                     await stranger.SendAsync(HttpMethod.Put, $"/v2/alarms/{id}/state", "\"ok\""),
                     await stranger.GetAsync($"/v2/alarms/{id}/history"),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal($"Alarm {id} not found", response.Fault);
        }
        Assert.Empty((await stranger.GetAsync("/v2/alarms")).Json!.AsArray());
        Assert.Equal(alarm.ToJsonString(), (await owner.GetAsync($"/v2/alarms/{id}")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Admin_SeesOtherProjects_OnlyWhenAsked()
    {
        var member = host.NewProject();
        var admin = host.NewProject("admin");
        var id = (await member.CreateAlarmAsync(AlarmBodies.Threshold()))["alarm_id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v2/alarms/{id}")).Status);
        Assert.DoesNotContain(id, (await admin.GetAsync("/v2/alarms")).Text);
        Assert.Contains(id, (await admin.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Text);
        Assert.Contains(id, (await admin.GetAsync($"/v2/alarms?q.field=project_id&q.value={member.ProjectId}")).Text);

        var refused = await member.GetAsync("/v2/alarms?q.field=all_projects&q.value=true");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("RBAC Authorization Failed", refused.Fault);
        var foreign = await member.GetAsync($"/v2/alarms?q.field=project_id&q.value={admin.ProjectId}");
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.Status);
        Assert.Equal($"Not Authorized to access project {admin.ProjectId}", foreign.Fault);
        var notBoolean = await admin.GetAsync("/v2/alarms?q.field=all_projects&q.value=maybe");
        Assert.Equal("Unable to convert the value maybe to the expected data type boolean.", notBoolean.Fault);
    }

    [Fact]
    public async Task Ownership_OnCreate_AndOnUpdate()
    {
        var member = host.NewProject();
        var body = AlarmBodies.Threshold();
        body["project_id"] = "someone-else";
        var refused = await member.PostAsync("/v2/alarms", body);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("Not Authorized to access project someone-else", refused.Fault);
        body["user_id"] = "other-user";
        Assert.Equal("Not Authorized to access user other-user", (await member.PostAsync("/v2/alarms", body)).Fault);

        var admin = host.NewProject("reader,Admin");
        var forOther = AlarmBodies.Threshold();
        forOther["project_id"] = member.ProjectId;
        forOther["user_id"] = member.UserId;
        var created = await admin.CreateAlarmAsync(forOther);
        Assert.Equal(member.ProjectId, created["project_id"]!.GetValue<string>());
        var id = created["alarm_id"]!.GetValue<string>();
        Assert.Contains(id, (await member.GetAsync("/v2/alarms")).Text);
        var creation = (await member.GetAsync($"/v2/alarms/{id}/history")).Json!.AsArray();
        Assert.Empty(creation);  // on behalf of the admin's project, as in Aodh

        // A member's PUT re-owns the alarm to itself, whatever the body says.
        var colleague = host.As("colleague", member.ProjectId, "member");
        var update = created.DeepClone().AsObject();
        update["user_id"] = "ignored";
        var put = await colleague.PutAsync($"/v2/alarms/{id}", update);
        Assert.Equal("colleague", put.Json!["user_id"]!.GetValue<string>());

        // An admin may move an alarm to another project.
        var move = put.Json.DeepClone().AsObject();
        move["project_id"] = admin.ProjectId;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/v2/alarms/{id}", move)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/v2/alarms/{id}")).Status);
        Assert.Contains(id, (await admin.GetAsync("/v2/alarms")).Text);
    }

    [Fact]
    public async Task AdminOnlyActions_AreRefusedToMembers()
    {
        var member = host.NewProject("member, admin");  // no trimming: not an admin
        var body = AlarmBodies.Threshold();
        body["ok_actions"] = new JsonArray("test://");
        var refused = await member.PostAsync("/v2/alarms", body);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("You are not authorized to create action: test://", refused.Fault);

        var admin = host.NewProject("admin");
        var created = await admin.CreateAlarmAsync(body);
        Assert.Equal("[\"test:\"]", created["ok_actions"]!.ToJsonString());
    }

    [Fact]
    public async Task HistoryOfAnotherProject_IsRefusedToMembers()
    {
        var member = host.NewProject();
        var id = (await member.CreateAlarmAsync(AlarmBodies.Threshold()))["alarm_id"]!.GetValue<string>();
        var response = await member.GetAsync($"/v2/alarms/{id}/history?q.field=project&q.value=elsewhere");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Not Authorized to access project elsewhere", response.Fault);
    }
}
