namespace Alarming.Core.Access;

/// <summary>Who is calling: the identity Aodh's noauth mode reads from headers.</summary>
/// <remarks>Roles are split on <c>,</c> without trimming (<c>member, admin</c> is not admin,
/// as in Aodh); <c>admin</c> compares case-insensitively everywhere.</remarks>
public sealed record Caller(string? UserId, string ProjectId, IReadOnlyList<string> Roles)
{
    public bool IsAdmin { get; } = Roles.Any(r => string.Equals(r, "admin", StringComparison.OrdinalIgnoreCase));

    public static Caller Create(string? userId, string projectId, string? roles) =>
        new(userId, projectId, string.IsNullOrEmpty(roles) ? [] : roles.Split(','));

    /// <summary>Whether the caller may read and change alarms of <paramref name="projectId"/>.</summary>
    public bool CanAccessProject(string? projectId) => IsAdmin || projectId == ProjectId;
}
