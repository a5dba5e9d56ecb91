using System.Text;

namespace Alarming.Storage.Tables;

/// <summary>Escapes text for use as a PartitionKey or RowKey.</summary>
/// <remarks>Keys may not hold <c>/ \ # ?</c> or control characters, but project and alarm ids
/// arrive from headers and URLs; <c>%</c>-escaping keeps them reversible and ordered.</remarks>
internal static class TableKey
{
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (!value.Any(NeedsEscape))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Quotes a value for an OData filter.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>: a range's exclusive end.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static bool NeedsEscape(char c) => c is '%' or '/' or '\\' or '#' or '?' or '\'' || char.IsControl(c);
}
