using System.Text.Json.Nodes;

namespace Alarming.Core.Metrics;

/// <summary>A resource of the built-in store, with its type's attributes and its metrics by name.</summary>
public sealed record ResourceDefinition(
    Guid Id,
    string Type,
    string OriginalResourceId,
    string Creator,
    string? UserId,
    string? ProjectId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset RevisionStart,
    JsonObject Attributes,
    IReadOnlyDictionary<string, Guid> Metrics)
{
    public string CreatedByUserId => Creator.Split(':', 2)[0];
    public string CreatedByProjectId => Creator.Split(':', 2) is [_, var project] ? project : "";
}
