using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary><c>limit</c>, <c>marker</c> and <c>sort</c> of a simple list query.</summary>
public sealed record Paging<T>(int Limit, string? Marker, IReadOnlyList<SortKey<T>> Sort)
{
    public static Result<Paging<T>> Parse(string? limit, IReadOnlyList<string> sort, string? marker, IReadOnlyList<QueryField<T>> sortable)
    {
        var parsed = QueryLimit.Parse(limit);
        if (parsed.Error is { } invalid)
        {
            return invalid;
        }
        var parsedLimit = parsed.Value;
        var keys = new List<SortKey<T>>();
        foreach (var item in sort)
        {
            var parts = item.Split(':');
            var field = sortable.FirstOrDefault(f => f.Name == parts[0]);
            var direction = parts.Length > 1 ? parts[1] : "asc";
            if (field is null || parts.Length > 2 || direction is not ("asc" or "desc"))
            {
                return ApiError.InvalidInput("sort", item,
                    "the sort parameter should be a pair of sort key and sort dir combined with ':', or only sort key specified and sort dir will be default 'asc', the supported sort keys are: ("
                    + string.Join(", ", sortable.Select(f => PythonRepr.String(f.Name))) + ")");
            }
            keys.Add(new SortKey<T>(field, direction == "desc"));
        }
        if (keys.Count == 0)
        {
            keys.Add(new SortKey<T>(sortable.First(f => f.Name == "timestamp"), Descending: true));
        }
        return new Paging<T>(parsedLimit, string.IsNullOrEmpty(marker) ? null : marker, keys);
    }
}
