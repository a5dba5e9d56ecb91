using System.Text.Json.Nodes;
using Alarming.Core.Metrics;
using Alarming.Core.Python;
using Alarming.Functions.MetricApi;
using Alarming.Functions.MetricApi.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.MetricApi.Measures;

/// <summary>A GET of measures: parameters checked in Gnocchi's order, then read.</summary>
internal static class MeasuresResponse
{
    public static async Task<IActionResult> ReadAsync(MeasureReader reader, MetricDefinition metric, IQueryCollection query,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (query.ContainsKey("resample") && !query.ContainsKey("granularity"))
        {
            return GnocchiResults.Error(400, "A granularity must be specified to resample");
        }
        DateTimeOffset? start = null, stop = null;
        foreach (var name in new[] { "start", "stop" })
        {
            if (query[name].ToString() is { Length: > 0 } text)
            {
                if (!GnocchiTime.TryParse(text, now, out var value))
                {
                    return ArgumentError(name, "Must be a datetime or a timestamp");
                }
                if (name == "start")
                {
                    start = value;
                }
                else
                {
                    stop = value;
                }
            }
        }
        long? granularity = null;
        if (query["granularity"].ToString() is { Length: > 0 } granularityText)
        {
            if (!GnocchiTime.TryParseSpan(granularityText, out var span) || span.TotalSeconds < 1)
            {
                return ArgumentError("granularity", "Unable to parse timespan");
            }
            granularity = (long)span.TotalSeconds;
        }
        var method = query["aggregation"].ToString() is { Length: > 0 } m ? m : "mean";
        var read = await reader.ReadAsync(metric, method, granularity, start, stop, cancellationToken);
        return read.Problem switch
        {
            MeasureReadProblem.MethodMissing => GnocchiResults.Error(404, new JsonObject
            {
                ["cause"] = "Aggregation method does not exist for this metric",
                ["detail"] = new JsonObject { ["metric"] = metric.Id.ToString(), ["aggregation_method"] = method },
            }),
            MeasureReadProblem.GranularityMissing => GnocchiResults.Error(404,
                $"Aggregation method '{method}' at granularity '{PythonFloat.Format(granularity!.Value)}' for metric {metric.Id} does not exist"),
            _ => GnocchiResults.Json(MetricBodies.Measures(read.Points)),
        };
    }

    private static IActionResult ArgumentError(string name, string reason) => GnocchiResults.Error(400, new JsonObject
    {
        ["cause"] = "Argument value error", ["detail"] = name, ["reason"] = reason,
    });
}
