using Alarming.Core.Access;
using Alarming.Core.Metrics;

namespace Alarming.Functions.Metrics;

/// <summary>Gnocchi's default policy, simplified (metrics.md §0): admins do all; others write
/// what they created and also read their project's resources and those resources' metrics.</summary>
public static class MetricAccess
{
    public static bool CanWrite(Caller caller, string creator) =>
        caller.IsAdmin || creator.Split(':', 2) is var parts && (parts[0] == (caller.UserId ?? "") || (parts.Length > 1 && parts[1] == caller.ProjectId));

    public static bool CanRead(Caller caller, ResourceDefinition resource) =>
        CanWrite(caller, resource.Creator) || resource.ProjectId == caller.ProjectId;
}
