using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary>Orders, resumes after a marker and limits a result set.</summary>
public static class ResultPage
{
    /// <summary>Sorts by <paramref name="keys"/> and breaks ties by <paramref name="id"/> ascending,
    /// so a marker never skips items.</summary>
    public static IEnumerable<T> Order<T>(IEnumerable<T> items, IReadOnlyList<SortKey<T>> keys, Func<T, string> id)
    {
        var comparer = Comparer<T>.Create((a, b) =>
        {
            foreach (var key in keys)
            {
                var result = FieldValues.Comparer.Compare(SortValue(key.Field, a), SortValue(key.Field, b));
                if (result != 0)
                {
                    return key.Descending ? -result : result;
                }
            }
            return string.CompareOrdinal(id(a), id(b));
        });
        return items.Order(comparer);
    }

    /// <summary>The ordered items after <paramref name="marker"/>, at most <paramref name="limit"/> (0 = all).</summary>
    public static Result<IReadOnlyList<T>> Take<T>(IReadOnlyList<T> ordered, string? marker, int limit, Func<T, string> id)
    {
        var start = 0;
        if (marker is not null)
        {
            var index = ordered.ToList().FindIndex(i => id(i) == marker);
            if (index < 0)
            {
                return ApiError.BadRequest($"Marker {marker} not found.");
            }
            start = index + 1;
        }
        var rest = ordered.Skip(start);
        return (limit > 0 ? rest.Take(limit) : rest).ToList();
    }

    private static object? SortValue<T>(QueryField<T> field, T item) =>
        field.Kind == QueryFieldKind.Severity ? Alarms.AlarmSeverities.Rank(field.Read(item) as string) : field.Read(item);
}
