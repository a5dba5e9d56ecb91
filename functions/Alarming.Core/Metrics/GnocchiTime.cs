using System.Globalization;
using System.Text.RegularExpressions;

namespace Alarming.Core.Metrics;

/// <summary>Timestamps and timespans as Gnocchi reads and writes them.</summary>
public static partial class GnocchiTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    /// <summary>Epoch seconds, ISO-8601-like text (offsets converted, none = UTC), <c>now</c>,
    /// <c>today</c>, or a relative duration (<c>-1 day</c>, <c>+1 hour</c>, <c>30s</c>).</summary>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            if (!double.IsFinite(epoch) || epoch < 0)
            {
                return false;
            }
            value = DateTimeOffset.UnixEpoch.AddTicks((long)(epoch * TimeSpan.TicksPerSecond));
            return true;
        }
        switch (trimmed.ToLowerInvariant())
        {
            case "now":
                value = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                return true;
            case "today":
                value = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
                return true;
        }
        if (DateTimeOffset.TryParseExact(trimmed.Replace("Z", "+00:00"), Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return value >= DateTimeOffset.UnixEpoch;
        }
        if (TryParseSpan(trimmed.TrimStart('+', '-'), out var span))
        {
            value = trimmed.StartsWith('-') ? now - span : now + span;
            return true;
        }
        return false;
    }

    /// <summary>Seconds, or a duration text: <c>300</c>, <c>5min</c>, <c>5 minutes</c>, <c>1h</c>, <c>1 day</c>.</summary>
    public static bool TryParseSpan(string? text, out TimeSpan span)
    {
        span = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            span = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }
        var total = TimeSpan.Zero;
        var matches = SpanPart().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)).Replace(" ", "").Replace(",", "") != text.Replace(" ", "").Replace(",", ""))
        {
            return false;
        }
        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = match.Groups["u"].Value.ToLowerInvariant();
            total += unit switch
            {
                "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(amount),
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
                "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(amount),
                "d" or "day" or "days" => TimeSpan.FromDays(amount),
                "w" or "wk" or "wks" or "week" or "weeks" => TimeSpan.FromDays(7 * amount),
                _ => TimeSpan.Zero,
            };
        }
        span = total;
        return total > TimeSpan.Zero;
    }

    /// <summary>UTC, <c>YYYY-MM-DDTHH:MM:SS+00:00</c>, a fraction only when non-zero.</summary>
    public static string Format(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (fraction == 0 ? "" : "." + fraction.ToString("000000", CultureInfo.InvariantCulture)) + "+00:00";
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)\s*(?<u>[a-zA-Z]+),?", RegexOptions.CultureInvariant)]
    private static partial Regex SpanPart();
}
