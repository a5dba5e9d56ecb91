using System.Globalization;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary>A list query's <c>limit</c>, checked as Aodh checks it; 0 when absent.</summary>
public static class QueryLimit
{
    public static Result<int> Parse(string? limit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return 0;
        }
        if (!int.TryParse(limit.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return ApiError.InvalidInput("limit", limit,
                $"unable to convert to int. Error: invalid literal for int() with base 10: {PythonRepr.String(limit)}");
        }
        return parsed < 0 ? ApiError.InvalidInput("limit", limit, "it should be a positive integer.") : parsed;
    }
}
