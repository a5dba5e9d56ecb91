using Alarming.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Alarming.Functions.Http;

/// <summary>Who is calling, for both APIs: the one place identity is read.</summary>
/// <remarks>Aodh's noauth mode: <c>X-Project-Id</c> (required), <c>X-User-Id</c> (absent: a null user)
/// and <c>X-Roles</c>, as a trusted gateway or a developer's laptop sends them.</remarks>
internal static class CallerIdentity
{
    /// <returns>The caller, or <c>null</c> when the request names no project (401).</returns>
    public static Caller? FromRequest(HttpRequest request)
    {
        var project = request.Headers["X-Project-Id"].ToString();
        if (project.Length == 0)
        {
            return null;
        }
        var user = request.Headers["X-User-Id"].ToString();
        return Caller.Create(user.Length == 0 ? null : user, project, request.Headers["X-Roles"].ToString());
    }
}
