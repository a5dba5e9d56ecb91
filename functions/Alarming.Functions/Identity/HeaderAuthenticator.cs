using Alarming.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Alarming.Functions.Identity;

/// <summary>noauth mode: Aodh's identity headers, as a trusted gateway or a developer's laptop sends them.</summary>
/// <remarks><c>X-Project-Id</c> is required (401 without it, as Aodh answers behind Keystone); an absent
/// <c>X-User-Id</c> is a null user; <c>X-Roles</c> is split on <c>,</c> without trimming.</remarks>
internal sealed class HeaderAuthenticator : ICallerAuthenticator
{
    public Task<CallerAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var project = request.Headers["X-Project-Id"].ToString();
        if (project.Length == 0)
        {
            return Task.FromResult(CallerAuthentication.Unauthenticated(null));
        }
        var user = request.Headers["X-User-Id"].ToString();
        var caller = Caller.Create(user.Length == 0 ? null : user, project, request.Headers["X-Roles"].ToString());
        return Task.FromResult(CallerAuthentication.Identified(caller));
    }
}
