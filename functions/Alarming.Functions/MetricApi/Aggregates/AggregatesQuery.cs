using System.Globalization;
using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Aggregates;

/// <summary>The query string of <c>POST /v1/aggregates</c>: the window, one granularity, and the
/// <c>fill</c> value for gaps (none: Gnocchi's <c>dropna</c>).</summary>
public sealed record AggregatesQuery(DateTimeOffset? Start, DateTimeOffset? Stop, long? Granularity, double? Fill)
{
    public static (AggregatesQuery? Query, IActionResult? Error) Parse(IQueryCollection query, DateTimeOffset now)
    {
        if (!TryTime(query["start"].ToString(), now, out var start))
        {
            return (null, ArgumentError("start", "Must be a datetime or a timestamp"));
        }
        if (!TryTime(query["stop"].ToString(), now, out var stop))
        {
            return (null, ArgumentError("stop", "Must be a datetime or a timestamp"));
        }
        long? granularity = null;
        if (query["granularity"].ToString() is { Length: > 0 } granularityText)
        {
            if (!GnocchiTime.TryParseSpan(granularityText, out var span))
            {
                return (null, ArgumentError("granularity", "Unable to parse timespan"));
            }
            granularity = (long)span.TotalSeconds;
        }
        double? fill = null;
        if (query["fill"].ToString() is { Length: > 0 } fillText && fillText is not ("dropna" or "null"))
        {
            if (!double.TryParse(fillText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return (null, ArgumentError("fill", "Must be a float, 'dropna' or 'null'"));
            }
            fill = value;
        }
        if (query.ContainsKey("groupby"))
        {
            return (null, GnocchiResults.Invalid("groupby is not supported by this metric store", "groupby"));
        }
        return (new AggregatesQuery(start, stop, granularity, fill), null);
    }

    /// <summary>An absent time is fine (no bound); a present one must parse.</summary>
    private static bool TryTime(string text, DateTimeOffset now, out DateTimeOffset? time)
    {
        time = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (!GnocchiTime.TryParse(text, now, out var parsed))
        {
            return false;
        }
        time = parsed;
        return true;
    }

    private static IActionResult ArgumentError(string name, string reason) => GnocchiResults.Error(400, new JsonObject
    {
        ["cause"] = "Argument value error", ["detail"] = name, ["reason"] = reason,
    });
}
