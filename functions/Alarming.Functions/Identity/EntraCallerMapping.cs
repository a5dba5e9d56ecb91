using System.Security.Claims;
using Alarming.Core.Access;

namespace Alarming.Functions.Identity;

/// <summary>Turns a validated Entra access token into a caller: user = <c>oid</c>; roles = the app
/// roles (<c>roles</c>) through <see cref="EntraOptions.Roles"/>; project = the one the caller names
/// in <c>X-Project-Id</c>, or its only one, among its groups' projects (<see cref="EntraOptions.Projects"/>)
/// and the tenant.</summary>
internal static class EntraCallerMapping
{
    public static CallerAuthentication Map(ClaimsPrincipal principal, EntraOptions options, string requestedProject)
    {
        if (principal.FindFirst("oid")?.Value is not { Length: > 0 } user)
        {
            return CallerAuthentication.Unauthenticated(EntraAuthenticator.Challenge);
        }
        var roles = principal.FindAll("roles")
            .Select(r => options.Roles.TryGetValue(r.Value, out var role) ? role : "")
            .Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var projects = GrantedProjects(principal, options);
        if (requestedProject.Length > 0)
        {
            return projects.Contains(requestedProject)
                ? CallerAuthentication.Identified(new Caller(user, requestedProject, roles))
                : CallerAuthentication.Forbidden($"Not Authorized to access project {requestedProject}");
        }
        return projects.Count switch
        {
            1 => CallerAuthentication.Identified(new Caller(user, projects[0], roles)),
            0 => CallerAuthentication.Unauthenticated(EntraAuthenticator.Challenge),
            _ => CallerAuthentication.Unauthenticated(EntraAuthenticator.Challenge,
                $"Authentication required: the token grants several projects ({string.Join(", ", projects)}); name one in X-Project-Id"),
        };
    }

    private static List<string> GrantedProjects(ClaimsPrincipal principal, EntraOptions options)
    {
        var projects = principal.FindAll("groups")
            .Select(g => options.Projects.TryGetValue(g.Value, out var project) ? project : "")
            .Where(p => p.Length > 0);
        if (options.TenantIsProject && !string.IsNullOrEmpty(options.TenantId))
        {
            projects = projects.Append(options.TenantId);
        }
        return projects.Distinct(StringComparer.Ordinal).ToList();
    }
}
