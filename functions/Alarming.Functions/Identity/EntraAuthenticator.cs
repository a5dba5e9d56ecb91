using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Identity;

/// <summary>entra mode: the caller of the Microsoft Entra ID access token in <c>Authorization: Bearer</c>
/// (or <c>X-Auth-Token</c>), validated by ASP.NET Core's JWT bearer handler as <see cref="EntraTokenValidation"/>
/// configures it, then mapped by <see cref="EntraCallerMapping"/>.</summary>
/// <remarks>Functions has no middleware pipeline, so the handler runs here, per request, through the
/// request's authentication service.</remarks>
internal sealed class EntraAuthenticator(IOptions<AuthOptions> options) : ICallerAuthenticator
{
    public const string Scheme = "Entra";
    public const string Challenge = "Bearer";

    public async Task<CallerAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await request.HttpContext.AuthenticateAsync(Scheme);
        return result.Succeeded
            ? EntraCallerMapping.Map(result.Principal, options.Value.Entra, request.Headers["X-Project-Id"].ToString())
            : CallerAuthentication.Unauthenticated(Challenge);
    }
}
