namespace Alarming.Core.Queries;

/// <summary>A queryable, sortable field of a record: its value as a comparable object
/// (<c>string</c>, <c>bool</c>, <c>double</c>, <c>DateTimeOffset</c> or <c>null</c>).</summary>
public sealed record QueryField<T>(string Name, Func<T, object?> Read, QueryFieldKind Kind = QueryFieldKind.Text);

public enum QueryFieldKind
{
    Text,
    Boolean,
    Timestamp,
    Severity,
}
