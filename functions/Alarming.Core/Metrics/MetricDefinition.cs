namespace Alarming.Core.Metrics;

/// <summary>A metric of the built-in store: a named series, maybe attached to a resource.</summary>
/// <param name="Creator"><c>"&lt;user id&gt;:&lt;project id&gt;"</c> of whoever created it.</param>
public sealed record MetricDefinition(Guid Id, string? Name, string? Unit, string ArchivePolicyName, Guid? ResourceId, string Creator);
