using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Fixtures.Keystone;

/// <summary>Keystone's v3 API as its bootstrap admin (and as any user, for logins): projects, users,
/// role grants, catalog entries, application credentials, token checks and revocations.</summary>
public sealed class KeystoneAdmin(KeystoneProcess keystone) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private string? adminToken;

    public Uri Url => keystone.Url;

    /// <summary>A password login, scoped to <paramref name="project"/> (unscoped when <c>null</c>).</summary>
    /// <returns>The token and Keystone's description of it.</returns>
    public async Task<(string Token, JsonNode Body)> LoginAsync(string user, string password, string? project)
    {
        var auth = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject
                {
                    ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password },
                },
            },
        };
        if (project is not null)
        {
            auth["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } };
        }
        return await IssueAsync(auth, $"login of {user}");
    }

    /// <summary>A login with an application credential: its tokens expire no later than the credential.</summary>
    public Task<(string Token, JsonNode Body)> LoginAsync(string applicationCredentialId, string secret) => IssueAsync(new JsonObject
    {
        ["identity"] = new JsonObject
        {
            ["methods"] = new JsonArray("application_credential"),
            ["application_credential"] = new JsonObject { ["id"] = applicationCredentialId, ["secret"] = secret },
        },
    }, "application credential login");

    public async Task<string> CreateProjectAsync(string name) =>
        (await AdminAsync(HttpMethod.Post, "projects", new JsonObject { ["project"] = new JsonObject { ["name"] = name, ["domain_id"] = "default" } }))
        ["project"]!["id"]!.GetValue<string>();

    public async Task<string> CreateUserAsync(string name, string password) =>
        (await AdminAsync(HttpMethod.Post, "users", new JsonObject
        {
            ["user"] = new JsonObject { ["name"] = name, ["password"] = password, ["domain_id"] = "default" },
        }))["user"]!["id"]!.GetValue<string>();

    /// <summary>A new project with a new user (random password) holding <paramref name="role"/> in it.</summary>
    public async Task<KeystoneUser> CreateUserInProjectAsync(string name, string project, string role)
    {
        var password = name + "-" + Guid.NewGuid().ToString("N")[..12];
        var projectId = await CreateProjectAsync(project);
        var userId = await CreateUserAsync(name, password);
        await GrantAsync(projectId, userId, role);
        return new KeystoneUser(name, password, userId, project, projectId);
    }

    /// <summary>The role's id, creating the role when Keystone has none of that name.</summary>
    public async Task<string> RoleAsync(string name)
    {
        var found = (await AdminAsync(HttpMethod.Get, $"roles?name={Uri.EscapeDataString(name)}", null))["roles"]!.AsArray();
        return found.Count > 0
            ? found[0]!["id"]!.GetValue<string>()
            : (await AdminAsync(HttpMethod.Post, "roles", new JsonObject { ["role"] = new JsonObject { ["name"] = name } }))["role"]!["id"]!.GetValue<string>();
    }

    public async Task GrantAsync(string projectId, string userId, string role) =>
        await AdminAsync(HttpMethod.Put, $"projects/{projectId}/users/{userId}/roles/{await RoleAsync(role)}", null);

    /// <summary>Changes a user's password, which revokes every token the user holds.</summary>
    public async Task SetPasswordAsync(string userId, string password) =>
        await AdminAsync(HttpMethod.Patch, $"users/{userId}", new JsonObject { ["user"] = new JsonObject { ["password"] = password } });

    /// <summary>Registers a service of <paramref name="type"/> with a public endpoint, as <c>openstack
    /// service create</c> and <c>openstack endpoint create</c> do.</summary>
    public async Task RegisterEndpointAsync(string type, string name, Uri url)
    {
        var service = (await AdminAsync(HttpMethod.Post, "services", new JsonObject
        {
            ["service"] = new JsonObject { ["type"] = type, ["name"] = name, ["enabled"] = true },
        }))["service"]!["id"]!.GetValue<string>();
        await AdminAsync(HttpMethod.Post, "endpoints", new JsonObject
        {
            ["endpoint"] = new JsonObject
            {
                ["service_id"] = service, ["interface"] = "public", ["region_id"] = "RegionOne", ["url"] = url.ToString().TrimEnd('/'),
            },
        });
    }

    /// <summary>An application credential of the token's user and project that expires at <paramref name="expiresAt"/>.</summary>
    public async Task<(string Id, string Secret)> CreateApplicationCredentialAsync(string userToken, string userId, DateTimeOffset expiresAt)
    {
        var created = await SendAsync(HttpMethod.Post, $"users/{userId}/application_credentials", userToken, new JsonObject
        {
            ["application_credential"] = new JsonObject
            {
                ["name"] = "short-" + Guid.NewGuid().ToString("N")[..8],
                ["expires_at"] = expiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
            },
        });
        var credential = created["application_credential"]!;
        return (credential["id"]!.GetValue<string>(), credential["secret"]!.GetValue<string>());
    }

    /// <summary>Keystone's own answer for a token: 200 valid, 404 invalid, expired or revoked.</summary>
    public async Task<HttpStatusCode> CheckAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url + "/auth/tokens?nocatalog"));
        request.Headers.Add("X-Auth-Token", await AdminTokenAsync());
        request.Headers.Add("X-Subject-Token", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    public async Task RevokeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Url + "/auth/tokens"));
        request.Headers.Add("X-Auth-Token", await AdminTokenAsync());
        request.Headers.Add("X-Subject-Token", token);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"revoking a token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<string> AdminTokenAsync() =>
        adminToken ??= (await LoginAsync(KeystoneProcess.AdminUser, keystone.AdminPassword, KeystoneProcess.AdminProject)).Token;

    private async Task<JsonNode> AdminAsync(HttpMethod method, string path, JsonNode? body) =>
        await SendAsync(method, path, await AdminTokenAsync(), body);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string token, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(Url + "/" + path));
        request.Headers.Add("X-Auth-Token", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Keystone {method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private async Task<(string Token, JsonNode Body)> IssueAsync(JsonObject auth, string what)
    {
        using var content = new StringContent(new JsonObject { ["auth"] = auth }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(Url + "/auth/tokens?nocatalog"), content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {text}");
        }
        return (response.Headers.GetValues("X-Subject-Token").Single(), JsonNode.Parse(text)!);
    }
}
