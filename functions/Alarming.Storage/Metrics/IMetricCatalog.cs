using Alarming.Core.Metrics;

namespace Alarming.Storage.Metrics;

/// <summary>Metrics, resources and archive policies of the built-in metric store.</summary>
public interface IMetricCatalog
{
    Task<MetricDefinition?> FindMetricAsync(Guid metricId, CancellationToken cancellationToken);
    Task<IReadOnlyList<MetricDefinition>> ListMetricsAsync(CancellationToken cancellationToken);
    Task SaveMetricAsync(MetricDefinition metric, CancellationToken cancellationToken);
    Task DeleteMetricAsync(Guid metricId, CancellationToken cancellationToken);

    Task<ResourceDefinition?> FindResourceAsync(Guid resourceId, CancellationToken cancellationToken);
    Task<IReadOnlyList<ResourceDefinition>> ListResourcesAsync(CancellationToken cancellationToken);

    /// <summary>Creates the resource; <c>false</c> when its id is taken.</summary>
    Task<bool> CreateResourceAsync(ResourceDefinition resource, CancellationToken cancellationToken);
    Task SaveResourceAsync(ResourceDefinition resource, CancellationToken cancellationToken);
    Task DeleteResourceAsync(Guid resourceId, CancellationToken cancellationToken);

    Task<ArchivePolicy?> FindPolicyAsync(string name, CancellationToken cancellationToken);
    Task<IReadOnlyList<ArchivePolicy>> ListPoliciesAsync(CancellationToken cancellationToken);

    /// <summary>A declared resource type's attribute schema (name → Gnocchi attribute definition), or <c>null</c>.</summary>
    Task<System.Text.Json.Nodes.JsonObject?> FindResourceTypeAsync(string name, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject>> ListResourceTypesAsync(CancellationToken cancellationToken);
    Task SaveResourceTypeAsync(string name, System.Text.Json.Nodes.JsonObject attributes, CancellationToken cancellationToken);

    /// <summary>Creates the policy; <c>false</c> when the name is taken.</summary>
    Task<bool> CreatePolicyAsync(ArchivePolicy policy, CancellationToken cancellationToken);
}
