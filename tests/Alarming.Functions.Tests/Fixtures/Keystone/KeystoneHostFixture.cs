namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>The host in keystone mode against the collection's Keystone, with a fake clock started at
/// the real time (Keystone's expiries are real), so tests move it to let cached tokens lapse.</summary>
public class KeystoneHostFixture(KeystoneFixture keystone) : AlarmingHostFixture(DateTimeOffset.UtcNow)
{
    public KeystoneFixture Keystone => keystone;

    /// <summary><c>Auth__Keystone__CacheSeconds</c> of this host.</summary>
    public virtual int CacheSeconds => 60;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:Mode"] = "keystone",
        ["Auth:Keystone:Url"] = keystone.Process.Url.ToString(),
        ["Auth:Keystone:Username"] = keystone.Service.Name,
        ["Auth:Keystone:Password"] = keystone.Service.Password,
        ["Auth:Keystone:ProjectName"] = keystone.Service.Project,
        ["Auth:Keystone:CacheSeconds"] = CacheSeconds.ToString(),
        // The clock moves for the cache; evaluation has nothing to do here.
        ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
    };

    public override async Task InitializeAsync()
    {
        if (KeystoneProcess.IsInstalled)
        {
            await base.InitializeAsync();
        }
    }

    /// <summary>A client sending <paramref name="token"/> and, to show they mean nothing, any noauth headers given.</summary>
    public ApiClient WithToken(string token, string? userId = null, string? projectId = null, string? roles = null) =>
        new(BaseAddress, userId, projectId, roles, new Dictionary<string, string> { ["X-Auth-Token"] = token });

    /// <summary>A client with a fresh login of <paramref name="user"/>.</summary>
    public async Task<ApiClient> AsAsync(KeystoneUser user) => WithToken(await keystone.TokenAsync(user));
}
