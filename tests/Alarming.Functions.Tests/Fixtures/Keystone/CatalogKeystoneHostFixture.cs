namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>A keystone-mode host registered in Keystone's catalog as Aodh (<c>alarming</c>) and Gnocchi
/// (<c>metric</c>) would be, so the CLIs find it from nothing but a login.</summary>
/// <remarks>Only one such host per Keystone: the CLIs take the first endpoint of a type.</remarks>
public sealed class CatalogKeystoneHostFixture(KeystoneFixture keystone) : KeystoneHostFixture(keystone)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (KeystoneProcess.IsInstalled)
        {
            await Keystone.Admin.RegisterEndpointAsync("alarming", "aodh", BaseAddress);
            await Keystone.Admin.RegisterEndpointAsync("metric", "gnocchi", BaseAddress);
        }
    }
}
