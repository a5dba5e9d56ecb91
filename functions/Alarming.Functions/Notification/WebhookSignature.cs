using System.Security.Cryptography;
using System.Text;

namespace Alarming.Functions.Notification;

/// <summary>The <c>X-Alarming-Signature</c> of a webhook: <c>sha256=</c> and the hex HMAC-SHA256,
/// keyed by the project's secret, of <c>{X-Alarming-Timestamp}.{body}</c>. Receivers recompute it
/// and reject old timestamps, so a captured request cannot be replayed later.</summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-Alarming-Signature";
    public const string TimestampHeader = "X-Alarming-Timestamp";

    public static string Sign(string secret, long unixSeconds, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")));
}
