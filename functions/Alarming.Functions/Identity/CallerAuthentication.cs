using Alarming.Core.Access;

namespace Alarming.Functions.Identity;

/// <summary>The caller, or the answer a request without one gets: a status, the error's message and,
/// for a 401, the <c>WWW-Authenticate</c> challenge naming the mode's scheme.</summary>
public sealed record CallerAuthentication(Caller? Caller, int Status, string Message, string? Challenge)
{
    public const string AuthenticationRequired = "Authentication required";

    public static CallerAuthentication Identified(Caller caller) => new(caller, 200, "", null);

    public static CallerAuthentication Unauthenticated(string? challenge, string message = AuthenticationRequired) =>
        new(null, 401, message, challenge);

    public static CallerAuthentication Forbidden(string message) => new(null, 403, message, null);

    /// <summary>The identity service could not answer: the client should retry, not log in again.</summary>
    public static CallerAuthentication Unavailable(string message) => new(null, 503, message, null);
}
