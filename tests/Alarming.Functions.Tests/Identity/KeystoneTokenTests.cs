using Alarming.Functions.Identity;

namespace Alarming.Functions.Tests.Identity;

public sealed class KeystoneTokenTests
{
    [Fact]
    public void Parse_ReadsUserProjectRolesAndLifetime()
    {
        var token = KeystoneToken.Parse("""
            {"token": {"methods": ["password"], "user": {"domain": {"id": "default", "name": "Default"}, "id": "u1", "name": "alice"},
             "expires_at": "2026-12-03T17:52:59.000000Z", "issued_at": "2026-12-03T16:52:59.000000Z",
             "project": {"domain": {"id": "default", "name": "Default"}, "id": "p1", "name": "alpha"},
             "roles": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}]}}
            """);

        Assert.Equal(("u1", "p1"), (token.UserId, token.ProjectId));
        Assert.Equal(["member", "reader"], token.Roles);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 52, 59, TimeSpan.Zero), token.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 16, 52, 59, TimeSpan.Zero), token.IssuedAt);
    }

    [Fact]
    public void Parse_LeavesTheProjectEmpty_ForADomainScopedToken()
    {
        var token = KeystoneToken.Parse("""
            {"token": {"user": {"id": "u1"}, "domain": {"id": "default", "name": "Default"}, "roles": [{"id": "r1", "name": "admin"}],
             "expires_at": "2026-12-03T17:52:59.000000Z", "issued_at": "2026-12-03T16:52:59.000000Z"}}
            """);

        Assert.Null(token.ProjectId);
    }

    [Fact]
    public void ServiceToken_IsRenewedTwoMinutesEarly_OrHalfWayThroughAShortLife()
    {
        var issued = new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);
        var hour = new KeystoneToken("u", "p", [], issued, issued.AddHours(1));
        var minute = hour with { ExpiresAt = issued.AddMinutes(1) };

        Assert.Equal(issued.AddMinutes(58), KeystoneServiceToken.From("t", hour).RenewAt);
        Assert.Equal(issued.AddSeconds(30), KeystoneServiceToken.From("t", minute).RenewAt);
    }
}
