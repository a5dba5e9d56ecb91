using System.Security.Claims;
using Alarming.Functions.Identity;

namespace Alarming.Functions.Tests.Identity;

public sealed class EntraCallerMappingTests
{
    private static readonly EntraOptions Options = new()
    {
        TenantId = "tenant-1",
        Projects = { ["group-a"] = "project-a", ["group-b"] = "project-b" },
    };

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Prepend(new Claim("oid", "user-1")), "test"));

    [Fact]
    public void UserIsTheOid_RolesAreTheMappedAppRoles_AndUnmappedOnesAreDropped()
    {
        var result = EntraCallerMapping.Map(Token(("roles", "Alarming.Admin"), ("roles", "Alarming.Member"), ("roles", "Reports.Reader")),
            Options, "");

        Assert.Equal("user-1", result.Caller!.UserId);
        Assert.Equal("tenant-1", result.Caller.ProjectId);
        Assert.Equal(["admin", "member"], result.Caller.Roles);
        Assert.True(result.Caller.IsAdmin);
    }

    [Fact]
    public void OneGrantedProject_IsTaken_WithoutAChoice()
    {
        var options = new EntraOptions { TenantId = "tenant-1", TenantIsProject = false, Projects = { ["group-a"] = "project-a" } };

        var result = EntraCallerMapping.Map(Token(("groups", "group-a"), ("groups", "group-unmapped")), options, "");

        Assert.Equal("project-a", result.Caller!.ProjectId);
        Assert.Empty(result.Caller.Roles);
    }

    [Fact]
    public void SeveralProjects_NeedXProjectId_AndOnlyAGrantedOneIsAccepted()
    {
        var token = Token(("groups", "group-a"), ("groups", "group-b"));

        var unchosen = EntraCallerMapping.Map(token, Options, "");
        var chosen = EntraCallerMapping.Map(token, Options, "project-b");
        var tenant = EntraCallerMapping.Map(token, Options, "tenant-1");
        var outside = EntraCallerMapping.Map(token, Options, "project-c");

        Assert.Equal((401, "Bearer"), (unchosen.Status, unchosen.Challenge));
        Assert.Contains("project-a, project-b, tenant-1", unchosen.Message);
        Assert.Equal("project-b", chosen.Caller!.ProjectId);
        Assert.Equal("tenant-1", tenant.Caller!.ProjectId);
        Assert.Equal((403, "Not Authorized to access project project-c"), (outside.Status, outside.Message));
    }

    [Fact]
    public void NoProject_OrNoOid_IsUnauthenticated()
    {
        var options = new EntraOptions { TenantId = "tenant-1", TenantIsProject = false };
        var withoutOid = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "s")], "test"));

        Assert.Equal(401, EntraCallerMapping.Map(Token(("groups", "group-a")), options, "").Status);
        Assert.Equal(401, EntraCallerMapping.Map(withoutOid, Options, "").Status);
    }
}
