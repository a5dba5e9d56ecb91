using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alarming.Storage;

/// <summary>The one JSON convention of every queue message and stored JSON column: snake_case, as
/// the API's wire format, so a message read in a queue explorer reads like the API.</summary>
/// <remarks>The Functions worker's serializer and the local host's queue trigger both use these
/// options, so a message binds the same on either host. Relaxed escaping keeps rendered events
/// (JSON text inside JSON) from growing by six characters per quote.</remarks>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
