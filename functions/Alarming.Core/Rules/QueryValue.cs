using System.Globalization;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Rules;

/// <summary>A query item's value against its declared <c>type</c>, as event and legacy threshold rules check it.</summary>
internal static class QueryValue
{
    private static readonly IReadOnlyList<string> SupportedTypes = ["integer", "float", "string", "boolean", "datetime"];

    /// <summary>Aodh's <c>Query.get_value</c>: the value must convert to the declared type.</summary>
    public static void CheckConvertible(string value, string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return;
        }
        if (!SupportedTypes.Contains(type))
        {
            throw new ApiErrorException(ApiError.BadRequest(
                $"The data type {type} is not supported. The supported data type list is: {PythonRepr.List(SupportedTypes)}"));
        }
        var trimmed = value.Trim();
        var ok = type switch
        {
            "integer" => long.TryParse(trimmed.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "float" => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => trimmed.ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes" or "0" or "f" or "false" or "off" or "n" or "no",
            "datetime" => PythonTimestamp.TryParse(value, out _),
            _ => true,
        };
        if (!ok)
        {
            throw new ApiErrorException(ApiError.NotConvertible(value, type));
        }
    }

}
