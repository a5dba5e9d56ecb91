using System.Security.Cryptography;
using System.Text;

namespace Alarming.Storage.Alarms;

/// <summary>An event that fired an event alarm, by a hash of its <c>message_id</c>, and when.</summary>
/// <remarks>A hash, because message ids are the producer's and of any length, and hundreds share one column.</remarks>
public sealed record FiredEvent(string Event, DateTimeOffset At)
{
    public static string Key(string messageId) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))[..16]);
}
