using System.Net;
using System.Text;
using Alarming.Functions.Tests.Clients;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Functions.Tests.Fixtures.Entra;
using Microsoft.IdentityModel.Tokens;

namespace Alarming.Functions.Tests.Identity;

/// <summary>entra mode against a loopback OpenID Connect issuer: which tokens pass the JWT bearer
/// handler, and who their callers are.</summary>
public sealed class EntraTests(EntraHostFixture host) : IClassFixture<EntraHostFixture>
{
    private const string Tenant = OidcIssuer.TenantId;
    private OidcIssuer Issuer => host.Issuer;

    private static string NewOid() => Guid.NewGuid().ToString();

    /// <summary>A v2 token (the authority's issuer, the bare client id as audience).</summary>
    private string V2(string oid, string[]? roles = null, string[]? groups = null) =>
        Issuer.Issue(Issuer.Authority, OidcIssuer.ClientId, oid, roles ?? ["Alarming.Member"], groups);

    /// <summary>A v1 token (sts.windows.net, the app ID URI as audience).</summary>
    private string V1(string oid) => Issuer.Issue(OidcIssuer.V1Issuer, "api://" + OidcIssuer.ClientId, oid, ["Alarming.Member"]);

    [Theory]
    [InlineData("v2", false)]
    [InlineData("v2", true)]
    [InlineData("v1", false)]
    [InlineData("v1", true)]
    public async Task ValidTokens_Work_InAuthorization_AndInXAuthToken(string version, bool inXAuthToken)
    {
        var oid = NewOid();
        var client = host.WithToken(version == "v2" ? V2(oid) : V1(oid), inXAuthToken);

        var alarm = await client.CreateAlarmAsync(AlarmBodies.Threshold());

        Assert.Equal(oid, alarm["user_id"]!.GetValue<string>());
        Assert.Equal(Tenant, alarm["project_id"]!.GetValue<string>());
        Assert.Contains(alarm["alarm_id"]!.GetValue<string>(), (await client.GetAsync("/v2/alarms")).Text);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("garbage")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("expired")]
    [InlineData("bad signature")]
    [InlineData("alg none")]
    public async Task RefusedTokens_AreUnauthorized_WithABearerChallenge(string refused)
    {
        var oid = NewOid();
        var valid = V2(oid);
        var token = refused switch
        {
            "none" => null,
            "garbage" => "not.a.jwt",
            "wrong audience" => Issuer.Issue(Issuer.Authority, "api://" + Guid.NewGuid(), oid, ["Alarming.Admin"]),
            "wrong issuer" => Issuer.Issue($"https://sts.windows.net/{Guid.NewGuid()}/", OidcIssuer.ClientId, oid, ["Alarming.Admin"]),
            "expired" => Issuer.Issue(Issuer.Authority, OidcIssuer.ClientId, oid, ["Alarming.Admin"], expires: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "bad signature" => Issuer.Issue(Issuer.Authority, OidcIssuer.ClientId, oid, ["Alarming.Admin"], signedBy: OidcIssuer.Impostor()),
            "alg none" => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}""")) + "." + valid.Split('.')[1] + ".",
            _ => throw new ArgumentOutOfRangeException(nameof(refused)),
        };
        // The noauth headers of an admin ride along: they must not stand in for the refused token.
        var client = token is null ? host.As(oid, Tenant, "admin") : host.WithToken(token, projectId: Tenant, roles: "admin");

        var answer = await client.GetAsync("/v2/alarms");

        Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{refused}: {answer.Status} {answer.Text}");
        Assert.Equal("Authentication required", answer.Fault);
        Assert.Equal("Bearer", answer.Header("WWW-Authenticate"));
        Assert.Equal(HttpStatusCode.OK, (await host.WithToken(valid).GetAsync("/v2/alarms")).Status);
    }

    [Fact]
    public async Task AppRoles_AreTheRoles_AndIdentityHeadersMeanNothing()
    {
        var member = host.WithToken(V2(NewOid(), ["Alarming.Member", "Reports.Reader"]), userId: "someone-else", roles: "admin");
        var unmapped = host.WithToken(V2(NewOid(), ["Reports.Reader"]));
        var admin = host.WithToken(V2(NewOid(), ["Alarming.Admin"]));
        var opsAdmin = host.WithToken(V2(NewOid(), ["Ops.Admin"]));
        var alarm = await member.CreateAlarmAsync(AlarmBodies.Threshold());

        Assert.NotEqual("someone-else", alarm["user_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await unmapped.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Status);
        Assert.Equal(HttpStatusCode.OK, (await unmapped.GetAsync("/v2/alarms")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Status);
        Assert.Equal(HttpStatusCode.OK, (await opsAdmin.GetAsync("/v2/alarms?q.field=all_projects&q.value=true")).Status);
    }

    [Fact]
    public async Task GroupsGrantProjects_AndXProjectIdChoosesAmongThem()
    {
        var token = V2(NewOid(), groups: [EntraHostFixture.GroupA, Guid.NewGuid().ToString()]);

        var unchosen = await host.WithToken(token).GetAsync("/v2/alarms");
        var inA = await host.WithToken(token, projectId: "project-a").CreateAlarmAsync(AlarmBodies.Threshold());
        var inTenant = await host.WithToken(token, projectId: Tenant).CreateAlarmAsync(AlarmBodies.Threshold());
        var outside = await host.WithToken(token, projectId: "project-b").GetAsync("/v2/alarms");
        var onlyA = await host.WithToken(V2(NewOid(), groups: [EntraHostFixture.GroupA])).GetAsync("/v2/alarms");

        Assert.Equal(HttpStatusCode.Unauthorized, unchosen.Status);
        Assert.Equal($"Authentication required: the token grants several projects (project-a, {Tenant}); name one in X-Project-Id", unchosen.Fault);
        Assert.Equal("project-a", inA["project_id"]!.GetValue<string>());
        Assert.Equal(Tenant, inTenant["project_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, outside.Status);
        Assert.Equal("Not Authorized to access project project-b", outside.Fault);
        Assert.Equal(HttpStatusCode.Unauthorized, onlyA.Status);  // the tenant is a project too: two again
    }

    [CliFact("aodh", "python3-aodhclient")]
    public async Task AodhCli_WithAnAdminToken_SendsTheJwtAsXAuthToken()
    {
        var oid = NewOid();
        var cli = new OpenStackCli("aodh", ["--os-auth-type", "admin_token", "--os-endpoint", host.BaseAddress.ToString().TrimEnd('/'), "--os-token", V2(oid)]);

        var created = await cli.JsonAsync("alarm", "create", "--type", "event", "--name", "vm-" + oid[..8], "--event-type", "compute.instance.*");

        Assert.Equal(oid, created["user_id"]!.GetValue<string>());
        Assert.Equal(Tenant, created["project_id"]!.GetValue<string>());
    }
}
