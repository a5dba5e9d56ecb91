using System.Security.Cryptography;
using System.Text;

namespace Alarming.Functions.Evaluation;

/// <summary>Ids derived from (alarm, tick or event, kind): redoing an evaluation's effects writes the
/// same history row and sends the same notification id.</summary>
internal static class EffectIds
{
    public static string For(string alarmId, DateTimeOffset tick, string kind) =>
        For(alarmId, tick.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), kind);

    public static string For(string alarmId, string occasion, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{alarmId}|{occasion}|{kind}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
