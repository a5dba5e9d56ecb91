namespace Alarming.Core.Queries;

/// <summary>One key of a sort order.</summary>
public sealed record SortKey<T>(QueryField<T> Field, bool Descending);
