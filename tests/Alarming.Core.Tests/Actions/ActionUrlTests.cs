using Alarming.Core.Actions;

namespace Alarming.Core.Tests.Actions;

public sealed class ActionUrlTests
{
    [Theory]
    [InlineData("log://", "log:")]
    [InlineData("test://", "test:")]
    [InlineData("zaqar://?topic=x", "zaqar:?topic=x")]
    [InlineData("http://", "http://")]
    [InlineData("HTTP://Host/Path?", "http://Host/Path")]
    [InlineData("queue://my-alarms", "queue://my-alarms")]
    [InlineData("trust+http://trustid:delete@host/path", "trust+http://host/path")]
    public void Normalize_RoundTripsAsPythonUrlsplit(string url, string expected) => Assert.Equal(expected, ActionUrl.Normalize(url));

    [Fact]
    public void TryParse_RefusesUnbalancedIpv6Brackets() => Assert.False(ActionUrl.TryParse("http://[abc", out _));
}
