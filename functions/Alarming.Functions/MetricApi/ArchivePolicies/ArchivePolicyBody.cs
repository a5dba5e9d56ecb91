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
        if (spec["definition"] is not JsonArray { Count: > 0 } definition)
        {
            return (null, "definition");
        }
        var items = new List<ArchivePolicyItem>();
        foreach (var node in definition)
        {
            if (node is not JsonObject item)
            {
                return (null, "definition");
            }
            long? granularity = Span(item["granularity"]), timespan = Span(item["timespan"]);
            long? points = item["points"] is { } p ? (long)JsonNumbers.ToDouble(p) : null;
            if (granularity is null && points is > 0 && timespan is not null)
            {
                granularity = timespan / points;
            }
            if (granularity is not > 0)
            {
                return (null, "definition");
            }
            if (timespan is null && points is not null)
            {
                timespan = granularity * points;
            }
            if (points is not null && timespan is not null && granularity * points != timespan)
            {
                return (null, "definition");
            }
            if (items.Any(i => i.Granularity == granularity))
            {
                return (null, "definition");
            }
            items.Add(new ArchivePolicyItem(granularity.Value, timespan));
        }
        var methods = ArchivePolicy.DefaultMethods.ToList();
        if (spec["aggregation_methods"] is JsonArray requested)
        {
            var given = requested.Select(m => m?.GetValue<string>() ?? "").ToList();
            if (given.Contains("*"))
            {
                methods = [.. Core.Rules.AggregationMethods.Basic];
            }
            else if (given.All(m => m.StartsWith('+') || m.StartsWith('-')))
            {
                foreach (var change in given)
                {
                    methods.Remove(change[1..]);
                    if (change.StartsWith('+'))
                    {
                        methods.Add(change[1..]);
                    }
                }
            }
            else
            {
                methods = given;
            }
            if (methods.Any(m => !Aggregator.IsValidMethod(m)))
            {
                return (null, "aggregation_methods");
            }
        }
        var backWindow = spec["back_window"] is { } window ? (long)JsonNumbers.ToDouble(window) : 0;
        return (new ArchivePolicy(name, backWindow, items, methods), null);
    }

    private static long? Span(JsonNode? node) =>
        node is not null && GnocchiTime.TryParseSpan(PythonRepr.Str(node), out var span) ? (long)span.TotalSeconds : null;
}
