namespace Alarming.Functions.Tests.Fixtures.Entra;

/// <summary>The host in entra mode, trusting the loopback <see cref="OidcIssuer"/>'s tenant: two groups
/// mapped to projects, one extra app role mapped to <c>admin</c>.</summary>
public sealed class EntraHostFixture : AlarmingHostFixture
{
    public const string GroupA = "0a0a0a0a-1111-4111-8111-aaaaaaaaaaaa";
    public const string GroupB = "0b0b0b0b-2222-4222-8222-bbbbbbbbbbbb";

    private OidcIssuer? issuer;

    public EntraHostFixture() : base(DateTimeOffset.UtcNow)
    {
    }

    public OidcIssuer Issuer => issuer!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:Mode"] = "entra",
        ["Auth:Entra:TenantId"] = OidcIssuer.TenantId,
        ["Auth:Entra:Authority"] = issuer!.Authority,
        ["Auth:Entra:Audience"] = "api://" + OidcIssuer.ClientId,
        [$"Auth:Entra:Projects:{GroupA}"] = "project-a",
        [$"Auth:Entra:Projects:{GroupB}"] = "project-b",
        ["Auth:Entra:Roles:Ops.Admin"] = "admin",
        ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true",
    };

    public override async Task InitializeAsync()
    {
        issuer = await OidcIssuer.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>A client sending <paramref name="token"/> in <c>Authorization: Bearer</c> (or
    /// <c>X-Auth-Token</c>), and any noauth headers given, which must mean nothing.</summary>
    public ApiClient WithToken(string token, bool inXAuthToken = false, string? projectId = null, string? roles = null, string? userId = null) =>
        new(BaseAddress, userId, projectId, roles,
            new Dictionary<string, string> { [inXAuthToken ? "X-Auth-Token" : "Authorization"] = inXAuthToken ? token : "Bearer " + token });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }
    }
}
