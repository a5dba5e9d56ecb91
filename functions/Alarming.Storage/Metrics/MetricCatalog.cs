using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Storage.Tables;
using Azure.Data.Tables;

namespace Alarming.Storage.Metrics;

/// <summary><see cref="IMetricCatalog"/> on the <c>metrics</c>, <c>resources</c> and
/// <c>archivepolicies</c> tables, one row per item keyed by its id or name.</summary>
internal sealed class MetricCatalog(TableClientFactory tables) : IMetricCatalog
{
    /// <summary>Archive policies found so far. A policy never changes once created (there is no update or
    /// delete, and a built-in name cannot be created), so every evaluation need not read it again.</summary>
    private readonly ConcurrentDictionary<string, ArchivePolicy> policies = new(ArchivePolicy.BuiltIn.ToDictionary(p => p.Name));

    public async Task<MetricDefinition?> FindMetricAsync(Guid metricId, CancellationToken cancellationToken)
    {
        var entity = await tables.Metrics.GetEntityIfExistsAsync<TableEntity>(metricId.ToString("N"), "", cancellationToken: cancellationToken);
        return entity.HasValue ? ToMetric(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<MetricDefinition>> ListMetricsAsync(CancellationToken cancellationToken)
    {
        var metrics = new List<MetricDefinition>();
        await foreach (var entity in tables.Metrics.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            metrics.Add(ToMetric(entity));
        }
        return metrics;
    }

    public Task SaveMetricAsync(MetricDefinition metric, CancellationToken cancellationToken) =>
        tables.Metrics.UpsertEntityAsync(new TableEntity(metric.Id.ToString("N"), "")
        {
            ["Name"] = metric.Name,
            ["Unit"] = metric.Unit,
            ["ArchivePolicyName"] = metric.ArchivePolicyName,
            ["ResourceId"] = metric.ResourceId?.ToString(),
            ["Creator"] = metric.Creator,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteMetricAsync(Guid metricId, CancellationToken cancellationToken) =>
        await tables.Metrics.DeleteEntityAsync(metricId.ToString("N"), "", cancellationToken: cancellationToken);

    public async Task<ResourceDefinition?> FindResourceAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        var entity = await tables.Resources.GetEntityIfExistsAsync<TableEntity>(resourceId.ToString("N"), "", cancellationToken: cancellationToken);
        return entity.HasValue ? ToResource(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<ResourceDefinition>> ListResourcesAsync(CancellationToken cancellationToken)
    {
        var resources = new List<ResourceDefinition>();
        await foreach (var entity in tables.Resources.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            resources.Add(ToResource(entity));
        }
        return resources;
    }

    public async Task<bool> CreateResourceAsync(ResourceDefinition resource, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Resources.AddEntityAsync(FromResource(resource), cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public Task SaveResourceAsync(ResourceDefinition resource, CancellationToken cancellationToken) =>
        tables.Resources.UpsertEntityAsync(FromResource(resource), TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteResourceAsync(Guid resourceId, CancellationToken cancellationToken) =>
        await tables.Resources.DeleteEntityAsync(resourceId.ToString("N"), "", cancellationToken: cancellationToken);

    public async Task<ArchivePolicy?> FindPolicyAsync(string name, CancellationToken cancellationToken)
    {
        if (policies.TryGetValue(name, out var known))
        {
            return known;
        }
        var entity = await tables.ArchivePolicies.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(name), "", cancellationToken: cancellationToken);
        return entity.HasValue ? policies.GetOrAdd(name, ToPolicy(entity.Value!)) : null;
    }

    public async Task<IReadOnlyList<ArchivePolicy>> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        var stored = new List<ArchivePolicy>();
        await foreach (var entity in tables.ArchivePolicies.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            stored.Add(ToPolicy(entity));
        }
        return [.. ArchivePolicy.BuiltIn.Where(b => stored.All(s => s.Name != b.Name)), .. stored];
    }

    public async Task<JsonObject?> FindResourceTypeAsync(string name, CancellationToken cancellationToken)
    {
        var entity = await tables.ResourceTypes.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(name), "", cancellationToken: cancellationToken);
        return entity.HasValue ? JsonNode.Parse(entity.Value!.GetString("Attributes") ?? "{}")!.AsObject() : null;
    }

    public async Task<IReadOnlyDictionary<string, JsonObject>> ListResourceTypesAsync(CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, JsonObject>();
        await foreach (var entity in tables.ResourceTypes.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            types[entity.GetString("Name") ?? ""] = JsonNode.Parse(entity.GetString("Attributes") ?? "{}")!.AsObject();
        }
        return types;
    }

    public Task SaveResourceTypeAsync(string name, JsonObject attributes, CancellationToken cancellationToken) =>
        tables.ResourceTypes.UpsertEntityAsync(new TableEntity(TableKey.Encode(name), "") { ["Name"] = name, ["Attributes"] = attributes.ToJsonString() },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> CreatePolicyAsync(ArchivePolicy policy, CancellationToken cancellationToken)
    {
        if (ArchivePolicy.BuiltIn.Any(p => p.Name == policy.Name))
        {
            return false;
        }
        try
        {
            await tables.ArchivePolicies.AddEntityAsync(new TableEntity(TableKey.Encode(policy.Name), "")
            {
                ["Name"] = policy.Name,
                ["BackWindow"] = policy.BackWindow,
                ["Definition"] = JsonSerializer.Serialize(policy.Definition, StorageJson.Options),
                ["AggregationMethods"] = JsonSerializer.Serialize(policy.AggregationMethods, StorageJson.Options),
            }, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static MetricDefinition ToMetric(TableEntity entity) => new(
        Guid.Parse(entity.PartitionKey),
        entity.GetString("Name"),
        entity.GetString("Unit"),
        entity.GetString("ArchivePolicyName") ?? ArchivePolicy.DefaultPolicyName,
        entity.GetString("ResourceId") is { } resource ? Guid.Parse(resource) : null,
        entity.GetString("Creator") ?? ":");

    private static TableEntity FromResource(ResourceDefinition resource) => new(resource.Id.ToString("N"), "")
    {
        ["Type"] = resource.Type,
        ["OriginalResourceId"] = resource.OriginalResourceId,
        ["Creator"] = resource.Creator,
        ["UserId"] = resource.UserId,
        ["ProjectId"] = resource.ProjectId,
        ["StartedAt"] = resource.StartedAt,
        ["EndedAt"] = resource.EndedAt,
        ["RevisionStart"] = resource.RevisionStart,
        ["Attributes"] = resource.Attributes.ToJsonString(),
        ["Metrics"] = JsonSerializer.Serialize(resource.Metrics, StorageJson.Options),
    };

    private static ResourceDefinition ToResource(TableEntity entity) => new(
        Guid.Parse(entity.PartitionKey),
        entity.GetString("Type") ?? "generic",
        entity.GetString("OriginalResourceId") ?? "",
        entity.GetString("Creator") ?? ":",
        entity.GetString("UserId"),
        entity.GetString("ProjectId"),
        entity.GetDateTimeOffset("StartedAt") ?? default,
        entity.GetDateTimeOffset("EndedAt"),
        entity.GetDateTimeOffset("RevisionStart") ?? default,
        JsonNode.Parse(entity.GetString("Attributes") ?? "{}")!.AsObject(),
        JsonSerializer.Deserialize<Dictionary<string, Guid>>(entity.GetString("Metrics") ?? "{}", StorageJson.Options) ?? []);

    private static ArchivePolicy ToPolicy(TableEntity entity) => new(
        entity.GetString("Name") ?? "",
        entity.GetInt64("BackWindow") ?? 0,
        JsonSerializer.Deserialize<List<ArchivePolicyItem>>(entity.GetString("Definition") ?? "[]", StorageJson.Options) ?? [],
        JsonSerializer.Deserialize<List<string>>(entity.GetString("AggregationMethods") ?? "[]", StorageJson.Options) ?? []);
}
