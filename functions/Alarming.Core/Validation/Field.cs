namespace Alarming.Core.Validation;

/// <summary>A body attribute that may be absent, given as <c>null</c>, or given with a value.</summary>
/// <remarks>Aodh keeps these apart: an absent optional attribute takes its default, an explicit
/// <c>null</c> is stored as <c>null</c>.</remarks>
public readonly record struct Field<T>(bool Present, T? Value)
{
    public static Field<T> Absent => default;

    public T? Or(T? fallback) => Present ? Value : fallback;
}
