namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>One real Keystone for the <see cref="KeystoneCollection"/>, seeded through its API as a
/// cloud would be: the service user Alarming validates tokens with (role <c>service</c> in project
/// <c>service</c>), members of two projects and an admin.</summary>
/// <remarks>Without Debian's keystone (a developer machine) nothing starts and the tests say why they skip.</remarks>
public sealed class KeystoneFixture : IAsyncLifetime
{
    private KeystoneProcess? process;
    private KeystoneAdmin? admin;

    public KeystoneProcess Process => process ?? throw new InvalidOperationException("Keystone is not installed");
    public KeystoneAdmin Admin => admin ?? throw new InvalidOperationException("Keystone is not installed");

    public KeystoneUser Service { get; private set; } = null!;

    /// <summary>A member of project alpha.</summary>
    public KeystoneUser Alice { get; private set; } = null!;

    /// <summary>A member of project beta.</summary>
    public KeystoneUser Bob { get; private set; } = null!;

    /// <summary>An admin (role <c>admin</c> in project ops).</summary>
    public KeystoneUser Ops { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!KeystoneProcess.IsInstalled)
        {
            return;
        }
        process = await KeystoneProcess.CreateAsync();
        admin = new KeystoneAdmin(process);
        Service = await admin.CreateUserInProjectAsync("alarming", "service", "service");
        Alice = await admin.CreateUserInProjectAsync("alice", "alpha", "member");
        Bob = await admin.CreateUserInProjectAsync("bob", "beta", "member");
        Ops = await admin.CreateUserInProjectAsync("ops", "ops", "admin");
    }

    /// <summary>A fresh password login of <paramref name="user"/> in its project.</summary>
    public async Task<string> TokenAsync(KeystoneUser user) => (await Admin.LoginAsync(user.Name, user.Password, user.Project)).Token;

    public async Task DisposeAsync()
    {
        admin?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
