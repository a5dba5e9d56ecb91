using Alarming.Core.Access;
using Alarming.Core.History;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary>The filters of <c>GET /v2/alarms/{id}/history</c>.</summary>
public sealed record HistoryListQuery(Func<AlarmChange, bool> Matches)
{
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["type"] = "type", ["severity"] = "severity", ["user_id"] = "user_id", ["user"] = "user_id",
        ["project_id"] = "project_id", ["project"] = "project_id", ["timestamp"] = "timestamp", ["search_offset"] = "search_offset",
    };

    private static readonly string[] ValidKeys = ["project", "search_offset", "severity", "timestamp", "type", "user"];

    public static Result<HistoryListQuery> Parse(IReadOnlyList<SimpleQueryItem> items, Caller caller)
    {
        if (UnknownField(items) is { } unknown)
        {
            return unknown;
        }
        var window = new TimeWindow();
        var predicates = new List<Func<AlarmChange, bool>>();
        foreach (var item in items)
        {
            var field = FieldNames[item.Field];
            var error = field switch
            {
                "timestamp" => window.ReadBound(item),
                "search_offset" => window.ReadOffset(item),
                _ => AddEquality(predicates, field, item, caller),
            };
            if (error is not null)
            {
                return error;
            }
        }
        if (items.Any(i => i.Field == "search_offset") && !items.Any(i => i.Field == "timestamp"))
        {
            return ApiError.InvalidInput("field", "search_offset", "search_offset cannot be used without timestamp");
        }
        predicates.AddRange(window.Predicates());
        if (!caller.IsAdmin)
        {
            predicates.Add(c => c.OnBehalfOf == caller.ProjectId);
        }
        return new HistoryListQuery(change => predicates.All(p => p(change)));
    }

    private static ApiError? UnknownField(IReadOnlyList<SimpleQueryItem> items)
    {
        foreach (var item in items)
        {
            if (!FieldNames.ContainsKey(item.Field))
            {
                return ApiError.BadRequest(
                    $"Unknown argument: \"{item.Field}\": unrecognized field in query: [{string.Join(", ", items)}], valid keys: {PythonRepr.List(ValidKeys)}");
            }
        }
        return null;
    }

    private static ApiError? AddEquality(List<Func<AlarmChange, bool>> predicates, string field, SimpleQueryItem item, Caller caller)
    {
        if (item.Op != "eq")
        {
            return Unimplemented(item.Op, item.Field);
        }
        if (field == "project_id" && !caller.IsAdmin && item.Value != caller.ProjectId)
        {
            return ApiError.NotAuthorizedProject(item.Value);
        }
        var read = HistoryFields.Sortable.First(f => f.Name == field).Read;
        var value = item.Value;
        predicates.Add(c => read(c) as string == value);
        return null;
    }

    private static ApiError Unimplemented(string op, string field) =>
        ApiError.InvalidInput("op", op, $"unimplemented operator for {field}");

    /// <summary>The timestamp bounds, widened by the search offset once every item is read.</summary>
    private sealed class TimeWindow
    {
        private DateTimeOffset? start, end;
        private bool startInclusive = true, endInclusive = true;
        private double offsetMinutes;

        public ApiError? ReadBound(SimpleQueryItem item)
        {
            if (item.Op is not ("gt" or "ge" or "lt" or "le"))
            {
                return Unimplemented(item.Op, "timestamp");
            }
            if (!PythonTimestamp.TryParse(item.Value, out var instant))
            {
                return ApiError.InvalidInput("timestamp", item.Value, "invalid timestamp format");
            }
            if (item.Op is "gt" or "ge")
            {
                (start, startInclusive) = (instant, item.Op == "ge");
            }
            else
            {
                (end, endInclusive) = (instant, item.Op == "le");
            }
            return null;
        }

        public ApiError? ReadOffset(SimpleQueryItem item)
        {
            if (item.Op != "eq")
            {
                return Unimplemented(item.Op, item.Field);
            }
            if (!double.TryParse(item.Value, System.Globalization.CultureInfo.InvariantCulture, out offsetMinutes))
            {
                return ApiError.InvalidInput("search_offset", item.Value, "invalid search_offset");
            }
            return null;
        }

        public IEnumerable<Func<AlarmChange, bool>> Predicates()
        {
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            if (start is { } s)
            {
                var bound = s - offset;
                yield return c => startInclusive ? c.Timestamp >= bound : c.Timestamp > bound;
            }
            if (end is { } e)
            {
                var bound = e + offset;
                yield return c => endInclusive ? c.Timestamp <= bound : c.Timestamp < bound;
            }
        }
    }
}
