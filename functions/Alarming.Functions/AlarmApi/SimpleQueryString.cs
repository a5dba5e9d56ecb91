using Alarming.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alarming.Functions.AlarmApi;

/// <summary>Reads the <c>q.field/q.op/q.value/q.type</c> lists of a simple query string.</summary>
internal static class SimpleQueryString
{
    public static IReadOnlyList<SimpleQueryItem> Items(IQueryCollection query) => SimpleQueryItem.FromLists(
        Values(query, "q.field"), Values(query, "q.op"), Values(query, "q.value"), Values(query, "q.type"));

    public static IReadOnlyList<string> Values(IQueryCollection query, string key) =>
        query[key].Select(v => v ?? "").ToList();
}
