using System.Net;
using Alarming.Functions.Tests.Fixtures;

namespace Alarming.Functions.Tests.AlarmApi;

public sealed class CorsFixture : AlarmingHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Api:Cors:AllowedOrigins"] = "http://dashboard.test",
    };
}

public sealed class CorsTests(CorsFixture host) : IClassFixture<CorsFixture>
{
    [Fact]
    public async Task AllowedOrigin_GetsHeaders_OthersDoNot()
    {
        var project = host.NewProject();
        var allowed = new Dictionary<string, string> { ["Origin"] = "http://dashboard.test" };
        var preflight = await project.SendAsync(HttpMethod.Options, "/v2/alarms", null,
            headers: new Dictionary<string, string> { ["Origin"] = "http://dashboard.test", ["Access-Control-Request-Method"] = "POST" });
        Assert.Equal(HttpStatusCode.OK, preflight.Status);
        Assert.Equal("http://dashboard.test", preflight.Header("Access-Control-Allow-Origin"));
        Assert.Equal("GET, PUT, POST, DELETE, PATCH", preflight.Header("Access-Control-Allow-Methods"));

        var get = await project.SendAsync(HttpMethod.Get, "/v2/alarms", null, headers: allowed);
        Assert.Equal("http://dashboard.test", get.Header("Access-Control-Allow-Origin"));
        var root = await project.SendAsync(HttpMethod.Get, "/", null, headers: allowed);
        Assert.Equal("http://dashboard.test", root.Header("Access-Control-Allow-Origin"));

        var other = await project.SendAsync(HttpMethod.Options, "/v2/alarms", null,
            headers: new Dictionary<string, string> { ["Origin"] = "http://evil.test", ["Access-Control-Request-Method"] = "POST" });
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Null(other.Header("Access-Control-Allow-Origin"));
    }
}
