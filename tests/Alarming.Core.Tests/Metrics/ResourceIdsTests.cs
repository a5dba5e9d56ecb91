using Alarming.Core.Metrics;

namespace Alarming.Core.Tests.Metrics;

public sealed class ResourceIdsTests
{
    [Fact]
    public void NonUuid_BecomesGnocchisUuid5() // Gnocchi's own example
    {
        Assert.True(ResourceIds.TryResolve("foobar", "foobar", out var id));
        Assert.Equal(Guid.Parse("2fbfbb20-8d56-5e1e-afb9-b3007da11fdf"), id);
    }

    [Fact]
    public void Uuid_IsKept() =>
        Assert.True(ResourceIds.TryResolve("5D0B9F0E7C444A639E7B2F0C3C3B1A11", "x", out var id) && id == Guid.Parse("5d0b9f0e-7c44-4a63-9e7b-2f0c3c3b1a11"));

    [Fact]
    public void Slash_IsRefused() => Assert.False(ResourceIds.TryResolve("a/b", "x", out _));
}
