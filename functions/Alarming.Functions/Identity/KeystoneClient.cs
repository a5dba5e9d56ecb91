using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;

namespace Alarming.Functions.Identity;

/// <summary>Keystone's v3 token API: the service user's password login and the validation of a
/// caller's token (<c>GET /v3/auth/tokens</c> with <c>X-Subject-Token</c>), without catalogs.</summary>
internal sealed class KeystoneClient(IHttpClientFactory clients, IOptions<AuthOptions> options)
{
    public const string HttpClientName = "keystone";

    private KeystoneOptions Keystone => options.Value.Keystone;

    public async Task<KeystoneServiceToken> IssueServiceTokenAsync(CancellationToken cancellationToken)
    {
        var keystone = Keystone;
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject
                        {
                            ["name"] = keystone.Username,
                            ["domain"] = new JsonObject { ["name"] = keystone.UserDomainName },
                            ["password"] = keystone.Password,
                        },
                    },
                },
                ["scope"] = new JsonObject
                {
                    ["project"] = new JsonObject
                    {
                        ["name"] = keystone.ProjectName,
                        ["domain"] = new JsonObject { ["name"] = keystone.ProjectDomainName },
                    },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(keystone.ApiBase, "auth/tokens?nocatalog"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created || !response.Headers.TryGetValues("X-Subject-Token", out var issued))
        {
            throw new KeystoneUnavailableException(
                $"Keystone answered {(int)response.StatusCode} to the login of service user {keystone.Username} (Auth__Keystone__*)");
        }
        return KeystoneServiceToken.From(issued.First(), await ReadTokenAsync(response, cancellationToken));
    }

    /// <returns>Keystone's status and, for 200, the token it describes: 404 means invalid, expired or
    /// revoked; 401 means Keystone no longer accepts <paramref name="serviceToken"/>.</returns>
    public async Task<(HttpStatusCode Status, KeystoneToken? Token)> ValidateAsync(string serviceToken, string subjectToken,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Keystone.ApiBase, "auth/tokens?nocatalog"));
        request.Headers.Add("X-Auth-Token", serviceToken);
        request.Headers.Add("X-Subject-Token", subjectToken);
        using var response = await SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, await ReadTokenAsync(response, cancellationToken))
            : (response.StatusCode, null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new KeystoneUnavailableException($"Keystone at {Keystone.ApiBase} cannot be reached: {e.Message}", e);
        }
    }

    private static async Task<KeystoneToken> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return KeystoneToken.Parse(text);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new KeystoneUnavailableException("Keystone answered with a body that is not a token: " + e.Message, e);
        }
    }
}
