using Microsoft.AspNetCore.Http;

namespace Alarming.Functions.Identity;

/// <summary>Answers "who is calling" for a request of either API, in the way of one identity mode.</summary>
public interface ICallerAuthenticator
{
    Task<CallerAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken);
}
