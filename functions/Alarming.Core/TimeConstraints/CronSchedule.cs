using Cronos;

namespace Alarming.Core.TimeConstraints;

/// <summary>A time constraint's <c>start</c> as croniter reads it: five fields, six with
/// seconds <b>last</b>, or an alias such as <c>@daily</c>.</summary>
internal static class CronSchedule
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is croniter's reason.</summary>
    public static bool TryParse(string text, out CronExpression? expression, out string? error)
    {
        expression = null;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('@'))
        {
            return TryCronos(trimmed, CronFormat.Standard, text, out expression, out error);
        }
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (fields.Length)
        {
            case 5:
                return TryCronos(string.Join(' ', fields), CronFormat.Standard, text, out expression, out error);
            case 6:
                // croniter's sixth field is seconds; Cronos wants seconds first.
                var reordered = fields[5] + " " + string.Join(' ', fields[..5]);
                return TryCronos(reordered, CronFormat.IncludeSeconds, text, out expression, out error);
            default:
                error = "Exactly 5 or 6 columns has to be specified for iterator expression.";
                return false;
        }
    }

    private static bool TryCronos(string expressionText, CronFormat format, string original, out CronExpression? expression, out string? error)
    {
        error = null;
        if (CronExpression.TryParse(expressionText, format, out expression))
        {
            return true;
        }
        error = $"[{original}] is not acceptable, out of range";
        return false;
    }
}
