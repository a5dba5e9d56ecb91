using System.Text.Json;

namespace Alarming.Storage;

/// <summary>How JSON columns are written.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
