namespace Alarming.Functions.Identity;

/// <summary>Keystone could not say whether a token is valid: unreachable, timing out, failing, or
/// refusing the service user. The caller gets 503 (retry), never 401 (log in again).</summary>
internal sealed class KeystoneUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
