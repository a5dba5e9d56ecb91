using System.Globalization;

namespace Alarming.Core.Queries;

/// <summary>Compares field values as a database would: nulls first, then by natural order.</summary>
internal sealed class FieldValues : IComparer<object?>
{
    public static readonly FieldValues Comparer = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        return (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (int a, int b) => a.CompareTo(b),
            _ => string.CompareOrdinal(Text(x), Text(y)),
        };
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => Python.PythonTimestamp.Format(t),
        _ => value.ToString() ?? "",
    };
}
