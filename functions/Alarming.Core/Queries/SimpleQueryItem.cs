using Alarming.Core.Python;

namespace Alarming.Core.Queries;

/// <summary>One <c>q.field</c>/<c>q.op</c>/<c>q.value</c>/<c>q.type</c> filter of a simple query.</summary>
public sealed record SimpleQueryItem(string Field, string Op, string Value, string? Type)
{
    /// <summary>Pairs the parallel <c>q.*</c> lists; a missing op is <c>eq</c>.</summary>
    public static IReadOnlyList<SimpleQueryItem> FromLists(
        IReadOnlyList<string> fields, IReadOnlyList<string> ops, IReadOnlyList<string> values, IReadOnlyList<string> types) =>
        fields.Select((field, i) => new SimpleQueryItem(
            field,
            i < ops.Count && ops[i].Length > 0 ? ops[i] : "eq",
            i < values.Count ? values[i] : "",
            i < types.Count && types[i].Length > 0 ? types[i] : null)).ToList();

    /// <summary>Aodh's <c>repr</c> of a query item, used in its error messages.</summary>
    public override string ToString() =>
        $"<Query {PythonRepr.String(Field)} {Op} {PythonRepr.String(Value)} {(Type is null ? "Unset" : Type)}>";
}
