using System.Net;
using Alarming.Core.Notification;

namespace Alarming.Core.Tests.Notification;

public sealed class DestinationPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]            // loopback
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("169.254.169.254")]      // link-local: cloud metadata
    [InlineData("fe80::1")]
    [InlineData("10.1.2.3")]             // RFC 1918
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("fd00:ec2::254")]        // unique local: AWS IPv6 metadata
    [InlineData("fc00::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]     // IPv4-mapped loopback
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("100.100.100.200")]      // shared space: Alibaba metadata
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void BlockedClasses_AreRefused_WithoutAnAllowList(string address) =>
        Assert.False(DestinationPolicy.Parse("").Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.True(DestinationPolicy.Parse("").Allows(IPAddress.Parse(address)));

    [Fact]
    public void AllowList_AdmitsItsNetworksAndAddresses_AndNothingElse()
    {
        var policy = DestinationPolicy.Parse(" 127.0.0.0/8, ::1 ,10.0.0.5,hooks.internal. ");
        Assert.True(policy.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.True(policy.Allows(IPAddress.Parse("::ffff:127.0.0.2")));
        Assert.True(policy.Allows(IPAddress.Parse("::1")));
        Assert.True(policy.Allows(IPAddress.Parse("10.0.0.5")));
        Assert.False(policy.Allows(IPAddress.Parse("10.0.0.6")));
        Assert.False(policy.Allows(IPAddress.Parse("169.254.169.254")));
        Assert.True(policy.AllowsHost("hooks.internal"));
        Assert.True(policy.AllowsHost("HOOKS.internal."));
        Assert.False(policy.AllowsHost("localhost"));
    }
}
