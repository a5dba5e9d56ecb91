using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Queries;
using Alarming.Core.Validation;

namespace Alarming.Functions.AlarmApi.Queries;

/// <summary>Reads a complex-query body (<c>filter</c>, <c>orderby</c>, <c>limit</c>) and parses it.</summary>
internal static class ComplexQueryBody
{
    public static Result<ComplexQuery<T>.Parsed> Parse<T>(JsonNode? body, ComplexQuery<T> query, Caller caller)
    {
        if (body is not JsonObject obj)
        {
            return ApiError.InvalidInput("body", Core.Python.PythonRepr.Of(body), "Value not a valid dict");
        }
        try
        {
            var reader = new BodyReader(obj, "body", obj, "body");
            reader.RejectUnknown(["filter", "orderby", "limit"]);
            var filter = reader.String("filter").Value;
            var orderBy = reader.String("orderby").Value;
            var limit = reader.Integer("limit").Value;
            return query.Parse(filter, orderBy, limit, caller);
        }
        catch (ApiErrorException e)
        {
            return e.Error;
        }
    }

    /// <summary>Orders by the query's keys, newest first when none were given, storage order for <c>[]</c>.</summary>
    public static IReadOnlyList<T> Apply<T>(IEnumerable<T> items, ComplexQuery<T>.Parsed query, QueryField<T> timestamp, Func<T, string> id)
    {
        var matching = items.Where(query.Matches);
        var keys = query.Order ?? [new SortKey<T>(timestamp, Descending: true)];
        var ordered = keys.Count == 0 ? matching : ResultPage.Order(matching, keys, id);
        return (query.Limit > 0 ? ordered.Take(query.Limit) : ordered).ToList();
    }
}
