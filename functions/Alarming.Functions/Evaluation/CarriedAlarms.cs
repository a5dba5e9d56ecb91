using System.IO.Compression;
using System.Text.Json;
using Alarming.Storage;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.Evaluation;

/// <summary>The alarms a fan-out read, as an evaluation message carries them: a JSON array of
/// <see cref="StoredAlarm"/>, Brotli-compressed, base64.</summary>
/// <remarks>A tick's alarms are mostly the same text (keys, rules, actions), so a full shard fits
/// in a queue message where plain JSON held about forty; bigger shards group more of one
/// partition's writes into each transaction.</remarks>
internal static class CarriedAlarms
{
    public static string Pack(IReadOnlyList<StoredAlarm> alarms)
    {
        using var packed = new MemoryStream();
        using (var brotli = new BrotliStream(packed, CompressionLevel.Optimal))
        {
            JsonSerializer.Serialize(brotli, alarms, StorageJson.Options);
        }
        return Convert.ToBase64String(packed.ToArray());
    }

    public static IReadOnlyList<StoredAlarm> Unpack(string carried)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(carried)), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<StoredAlarm>>(brotli, StorageJson.Options) ?? [];
    }
}
