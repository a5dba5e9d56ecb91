using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;

namespace Alarming.Functions.MetricApi.ArchivePolicies;

/// <summary>Reads a POSTed archive policy: each definition item gives any two of
/// granularity, points, timespan; methods are a list, <c>"*"</c>, or <c>"+m"</c>/<c>"-m"</c> edits of the default set.</summary>
internal static class ArchivePolicyBody
{
    public static (ArchivePolicy? Policy, string? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject spec || spec["name"] is not JsonValue nameNode || !nameNode.TryGetValue<string>(out var name) || name.Length == 0)
        {
            return (null, "name");
        }
        if (spec["definition"] is not JsonArray { Count: > 0 } definition || ReadItems(definition) is not { } items)
        {
            return (null, "definition");
        }
        var methods = ArchivePolicy.DefaultMethods.ToList();
        if (spec["aggregation_methods"] is JsonArray requested)
        {
            methods = ReadMethods(requested, methods);
            if (methods.Any(m => !Aggregator.IsValidMethod(m)))
            {
                return (null, "aggregation_methods");
            }
        }
        var backWindow = spec["back_window"] is { } window ? (long)JsonNumbers.ToDouble(window) : 0;
        return (new ArchivePolicy(name, backWindow, items, methods), null);
    }

    /// <summary>The definition's items, or <c>null</c> when one is invalid or repeats a granularity.</summary>
    private static List<ArchivePolicyItem>? ReadItems(JsonArray definition)
    {
        var items = new List<ArchivePolicyItem>();
        foreach (var node in definition)
        {
            if (node is not JsonObject item || ReadItem(item) is not { } read || items.Any(i => i.Granularity == read.Granularity))
            {
                return null;
            }
            items.Add(read);
        }
        return items;
    }

    /// <summary>Completes the missing one of granularity, points and timespan; <c>null</c> when they disagree.</summary>
    private static ArchivePolicyItem? ReadItem(JsonObject item)
    {
        long? granularity = Span(item["granularity"]), timespan = Span(item["timespan"]);
        long? points = item["points"] is { } p ? (long)JsonNumbers.ToDouble(p) : null;
        if (granularity is null && points is > 0 && timespan is not null)
        {
            granularity = timespan / points;
        }
        if (granularity is not > 0)
        {
            return null;
        }
        if (timespan is null && points is not null)
        {
            timespan = granularity * points;
        }
        if (points is not null && timespan is not null && granularity * points != timespan)
        {
            return null;
        }
        return new ArchivePolicyItem(granularity.Value, timespan);
    }

    /// <summary>The requested methods: <c>"*"</c> for all, only <c>"+m"</c>/<c>"-m"</c> edits of the defaults, or an explicit list.</summary>
    private static List<string> ReadMethods(JsonArray requested, List<string> defaults)
    {
        var given = requested.Select(m => m?.GetValue<string>() ?? "").ToList();
        if (given.Contains("*"))
        {
            return [.. Core.Rules.AggregationMethods.Basic];
        }
        if (!given.All(m => m.StartsWith('+') || m.StartsWith('-')))
        {
            return given;
        }
        var methods = defaults;
        foreach (var change in given)
        {
            methods.Remove(change[1..]);
            if (change.StartsWith('+'))
            {
                methods.Add(change[1..]);
            }
        }
        return methods;
    }

    private static long? Span(JsonNode? node) =>
        node is not null && GnocchiTime.TryParseSpan(PythonRepr.Str(node), out var span) ? (long)span.TotalSeconds : null;
}
