using Alarming.Core.Access;
using Alarming.Core.Metrics;

namespace Alarming.Functions.MetricApi;

/// <summary>Gnocchi's default policy, simplified: admins do all; others write
/// what they created and also read their project's resources and those resources' metrics.</summary>
internal static class MetricAccess
{
    /// <summary>Gnocchi's creator of what a caller makes: <c>"&lt;user&gt;:&lt;project&gt;"</c>.</summary>
    public static string Creator(Caller caller) => $"{caller.UserId}:{caller.ProjectId}";

    public static bool CanWrite(Caller caller, string creator) =>
        caller.IsAdmin || creator.Split(':', 2) is var parts && (parts[0] == (caller.UserId ?? "") || (parts.Length > 1 && parts[1] == caller.ProjectId));

    public static bool CanRead(Caller caller, ResourceDefinition resource) =>
        CanWrite(caller, resource.Creator) || resource.ProjectId == caller.ProjectId;
}
