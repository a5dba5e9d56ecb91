namespace Alarming.Core.Metrics;

/// <summary>A Gnocchi archive policy: which granularities and methods a metric may be read at.</summary>
public sealed record ArchivePolicy(string Name, long BackWindow, IReadOnlyList<ArchivePolicyItem> Definition, IReadOnlyList<string> AggregationMethods)
{
    public static readonly IReadOnlyList<string> DefaultMethods = ["mean", "min", "max", "sum", "std", "count"];

    /// <summary>The policies gnocchi-upgrade creates, which we ship.</summary>
    public static readonly IReadOnlyList<ArchivePolicy> BuiltIn =
    [
        new("bool", 3600, [new(1, 365 * 86400)], ["last"]),
        new("low", 0, [new(300, 30 * 86400)], DefaultMethods),
        new("medium", 0, [new(60, 7 * 86400), new(3600, 365 * 86400)], DefaultMethods),
        new("high", 0, [new(1, 3600), new(60, 7 * 86400), new(3600, 365 * 86400)], DefaultMethods),
    ];

    /// <summary>The default rule (<c>*</c> → <c>low</c>).</summary>
    public const string DefaultPolicyName = "low";

    public bool HasGranularity(long granularity) => Definition.Any(d => d.Granularity == granularity);

    public bool HasMethod(string method) => AggregationMethods.Contains(method);
}

/// <summary>One granularity of a policy and how long it is kept (<c>null</c> = forever).</summary>
public sealed record ArchivePolicyItem(long Granularity, long? Timespan)
{
    public long? Points => Timespan is { } t ? t / Granularity : null;
}
