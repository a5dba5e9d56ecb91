using System.Text.Json.Nodes;

namespace Alarming.Benchmarks;

/// <summary>Seeding and ticking requests must succeed, or the figures mean nothing.</summary>
internal static class Responses
{
    /// <summary>The response's JSON object (empty when there is none); throws on any other status. Disposes the response.</summary>
    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, int status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != status)
            {
                throw new InvalidOperationException($"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}: {text}");
            }
            return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }
    }
}
