namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>A keystone-mode host whose cache would keep a token an hour: what ends it sooner is the token's own expiry.</summary>
public sealed class LongCacheKeystoneHostFixture(KeystoneFixture keystone) : KeystoneHostFixture(keystone)
{
    public override int CacheSeconds => 3600;
}
