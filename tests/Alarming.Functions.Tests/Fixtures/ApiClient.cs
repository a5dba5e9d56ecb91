using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>Real HTTP to the host as one identity (Aodh's noauth headers, and <paramref name="everyRequest"/> on
/// every request: a token, say).</summary>
public sealed class ApiClient(Uri baseAddress, string? userId, string? projectId, string? roles,
    IReadOnlyDictionary<string, string>? everyRequest = null)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string? UserId => userId;
    public string? ProjectId => projectId;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);
    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);
    public Task<ApiResponse> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body?.ToJsonString() ?? "null");
    public Task<ApiResponse> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body?.ToJsonString() ?? "null");

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (userId is not null) request.Headers.Add("X-User-Id", userId);
        if (projectId is not null) request.Headers.Add("X-Project-Id", projectId);
        if (roles is not null) request.Headers.Add("X-Roles", roles);
        foreach (var (name, value) in (headers ?? new Dictionary<string, string>()).Concat(everyRequest ?? new Dictionary<string, string>()))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType.Length == 0 ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    /// <summary>Creates an alarm and returns its body, failing the test on any other answer.</summary>
    public async Task<JsonObject> CreateAlarmAsync(JsonObject body)
    {
        var response = await PostAsync("/v2/alarms", body);
        Assert.True(response.Status == HttpStatusCode.Created, response.Text);
        return response.Json!.AsObject();
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    /// <summary>The faultstring of an Aodh error body.</summary>
    public string? Fault => Json?["error_message"]?["faultstring"]?.GetValue<string>();

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
