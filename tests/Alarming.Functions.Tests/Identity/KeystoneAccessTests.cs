using System.Net;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Functions.Tests.Fixtures.Keystone;

namespace Alarming.Functions.Tests.Identity;

/// <summary>keystone mode against a real Keystone: who a token is, what it may see, and which tokens
/// are refused (once the cache lets go of them).</summary>
[Collection(KeystoneCollection.Name)]
public sealed class KeystoneAccessTests(KeystoneHostFixture host) : IClassFixture<KeystoneHostFixture>
{
    private KeystoneFixture Keystone => host.Keystone;

    [KeystoneFact]
    public async Task ProjectsAreIsolated_MembersAreNotAdmins_AndAnAdminListsAllProjects()
    {
        var alice = await host.AsAsync(Keystone.Alice);
        var bob = await host.AsAsync(Keystone.Bob);
        var ops = await host.AsAsync(Keystone.Ops);
        var alarm = await alice.CreateAlarmAsync(AlarmBodies.Threshold());
        var id = alarm["alarm_id"]!.GetValue<string>();

        Assert.Equal(Keystone.Alice.ProjectId, alarm["project_id"]!.GetValue<string>());
        Assert.Equal(Keystone.Alice.Id, alarm["user_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/v2/alarms/{id}")).Status);
        Assert.DoesNotContain(id, (await bob.GetAsync("/v2/alarms")).Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync($"/v2/alarms/{id}")).Status);
        Assert.Contains(id, (await ops.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Text);
    }

    [KeystoneFact]
    public async Task IdentityHeaders_ChangeNothing_BesideAToken()
    {
        var token = await Keystone.TokenAsync(Keystone.Alice);
        var spoofing = host.WithToken(token, userId: Keystone.Ops.Id, projectId: Keystone.Bob.ProjectId, roles: "admin");

        var alarm = await spoofing.CreateAlarmAsync(AlarmBodies.Threshold());
        var listAll = await spoofing.GetAsync("/v2/alarms?q.field=all_projects&q.value=true");

        Assert.Equal(Keystone.Alice.ProjectId, alarm["project_id"]!.GetValue<string>());
        Assert.Equal(Keystone.Alice.Id, alarm["user_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, listAll.Status);
        Assert.Equal("RBAC Authorization Failed", listAll.Fault);
    }

    [KeystoneFact]
    public async Task MissingInvalidOrUnscopedTokens_AreUnauthorized_WithKeystonesChallenge()
    {
        var (unscoped, _) = await Keystone.Admin.LoginAsync(Keystone.Alice.Name, Keystone.Alice.Password, project: null);
        var headersOnly = host.As(Keystone.Alice.Id, Keystone.Alice.ProjectId, "admin");

        foreach (var (client, what) in new[]
                 {
                     (headersOnly, "no token, noauth headers"),
                     (host.WithToken("gAAAAABnot-a-real-token"), "an invalid token"),
                     (host.WithToken("bad token"), "a token that cannot be one"),
                     (host.WithToken(unscoped), "an unscoped token"),
                 })
        {
            var answer = await client.GetAsync("/v2/alarms");
            Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{what}: {answer.Status} {answer.Text}");
            Assert.Equal("Authentication required", answer.Fault);
            Assert.Equal($"Keystone uri=\"{Keystone.Process.Url}\"", answer.Header("WWW-Authenticate"));
        }
        var metrics = await headersOnly.GetAsync("/v1/metric");
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.Status);
        Assert.Equal("Authentication required", metrics.Json!["description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await headersOnly.GetAsync("/healthcheck")).Status);
    }

    [KeystoneFact]
    public async Task RevokedToken_IsServedFromTheCache_ThenUnauthorized_OnceTheCacheTimePasses()
    {
        var token = await Keystone.TokenAsync(Keystone.Alice);
        var alice = host.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v2/alarms")).Status);

        await Keystone.Admin.RevokeAsync(token);
        Assert.Equal(HttpStatusCode.NotFound, await Keystone.Admin.CheckAsync(token));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v2/alarms")).Status);
        host.Time.Advance(TimeSpan.FromSeconds(host.CacheSeconds - 1));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v2/alarms")).Status);
        host.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.GetAsync("/v2/alarms")).Status);
    }

    [KeystoneFact]
    public async Task RevokedServiceToken_IsRenewed_WithoutFailingCallers()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await host.AsAsync(Keystone.Bob)).GetAsync("/v2/alarms")).Status);

        // A password change revokes every token of the service user, the host's included.
        await Keystone.Admin.SetPasswordAsync(Keystone.Service.Id, Keystone.Service.Password);

        // Keystone's revocations have one-second resolution: a login in the same second as the change
        // is revoked too, so the host may need a second login; what it must not do is keep failing.
        await Eventually.TrueAsync(async () => (await (await host.AsAsync(Keystone.Bob)).GetAsync("/v2/alarms")).Status == HttpStatusCode.OK,
            "a validation with a renewed service token", timeoutSeconds: 15);
    }
}
