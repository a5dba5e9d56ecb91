using Alarming.Core.Events;

namespace Alarming.Core.Tests.Events;

/// <summary>Python's <c>fnmatch.fnmatch</c> on POSIX, which Aodh matches event types with.</summary>
public sealed class ShellPatternTests
{
    [Theory]
    [InlineData("compute.instance.power_off.end", "compute.instance.power_off.*", true)]
    [InlineData("compute.instance.power_off", "compute.instance.power_off.*", false)]
    [InlineData("compute.instance.power_off.end", "*", true)]
    [InlineData("", "*", true)]
    [InlineData("compute.instance.x.end", "compute.*.end", true)]       // * crosses dots
    [InlineData("compute.instance.a.b.end", "compute.*.end", true)]
    [InlineData("compute.v1", "compute.v?", true)]
    [InlineData("compute.v10", "compute.v?", false)]
    [InlineData("compute.vX", "compute.v[XY]", true)]
    [InlineData("compute.vZ", "compute.v[XY]", false)]
    [InlineData("compute.vZ", "compute.v[!XY]", true)]
    [InlineData("compute.v5", "compute.v[0-9]", true)]
    [InlineData("Compute.Instance", "compute.instance", false)]         // case-sensitive
    [InlineData("computeXinstance", "compute.instance", false)]         // a dot is a dot
    [InlineData("a[b", "a[b", true)]                                    // unclosed set: literal
    [InlineData("a]", "a[]]", true)]                                    // ] first in a set is a member
    [InlineData("a^", "a[^]", true)]
    [InlineData("line\nbreak", "line*", true)]
    [InlineData("a-", "a[-]", true)]                                    // a lone hyphen is literal
    [InlineData("ab", "a[a-c-z]", true)]
    [InlineData("a-", "a[a-c-z]", true)]                                 // c-z after a range: - is literal, as in Python
    [InlineData("az", "a[z-a]", false)]                                  // a reversed range is empty: never matches
    [InlineData("a", "[z-a]", false)]
    [InlineData("ab", "a[!z-a]", true)]                                  // negated empty set: any character
    [InlineData("a\\", "a[\\]", true)]
    public void Matches_AsFnmatchDoes(string text, string pattern, bool expected) =>
        Assert.Equal(expected, ShellPattern.Matches(text, pattern));

    [Fact]
    public void APatternThatWouldBacktrack_IsMatchedInLinearTime()
    {
        var text = new string('a', 100_000);
        Assert.False(ShellPattern.Matches(text, "*a*a*a*a*a*a*a*a*a*a*b"));
    }
}
