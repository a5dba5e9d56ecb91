using System.Globalization;
using System.Numerics;
using System.Text;
using Alarming.Core.Python;

namespace Alarming.Core.Events;

/// <summary>A trait or condition value as Aodh's event evaluator holds it after conversion: a
/// Python <c>int</c>, <c>float</c>, <c>str</c> or naive-UTC <c>datetime</c>, or <c>None</c> for a
/// trait the event lacks.</summary>
public abstract record TraitValue
{
    public static readonly TraitValue None = new NoneValue();

    public sealed record Integer(BigInteger Value) : TraitValue;

    public sealed record Float(double Value) : TraitValue;

    public sealed record Text(string Value) : TraitValue;

    public sealed record Timestamp(DateTime Value) : TraitValue;

    public sealed record NoneValue : TraitValue;

    /// <summary>Python's <c>str()</c> of the value.</summary>
    public string Str() => this switch
    {
        Integer i => i.Value.ToString(CultureInfo.InvariantCulture),
        Float f => PythonFloat.Format(f.Value),
        Text t => t.Value,
        Timestamp d => d.Value.ToString(d.Value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff",
            CultureInfo.InvariantCulture),
        _ => "None",
    };

    /// <summary>Python's <c>int(text)</c>: surrounding whitespace, a sign, and single underscores between digits.</summary>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = default;
        var trimmed = text.Trim();
        var sign = trimmed.StartsWith('-') || trimmed.StartsWith('+') ? trimmed[..1] : "";
        var digits = trimmed[sign.Length..];
        if (digits.Length == 0 || digits.StartsWith('_') || digits.EndsWith('_') || digits.Contains("__") ||
            !digits.All(c => c == '_' || char.IsAsciiDigit(c)))
        {
            return false;
        }
        value = BigInteger.Parse(sign + digits.Replace("_", ""), CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Python's <c>float(text)</c>: decimal and exponent forms, <c>inf</c>/<c>infinity</c>/<c>nan</c> in any case, underscores between digits.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = default;
        var trimmed = text.Trim();
        var unsigned = trimmed.TrimStart('+', '-');
        if (trimmed.Length - unsigned.Length > 1)
        {
            return false;
        }
        var negative = trimmed.StartsWith('-');
        switch (unsigned.ToLowerInvariant())
        {
            case "inf" or "infinity":
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }
        if (unsigned.Length == 0 || !unsigned.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '_' or '+' or '-') ||
            !UnderscoresBetweenDigits(unsigned))
        {
            return false;
        }
        return double.TryParse(trimmed.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool UnderscoresBetweenDigits(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && (i == 0 || i == text.Length - 1 || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1])))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An ISO 8601 time, as <c>oslo_utils.timeutils.parse_isotime</c> reads it, normalised to naive UTC (no offset means UTC).</summary>
    public static bool TryParseTimestamp(string text, out DateTime value)
    {
        value = default;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var parsed) || !LooksIso(text.Trim()))
        {
            return false;
        }
        var utc = parsed.UtcDateTime;
        value = new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Unspecified);
        return true;
    }

    /// <remarks>.NET's parser also takes "12/1/2026" and month names; ISO 8601 starts with a four-digit year and a dash.</remarks>
    private static bool LooksIso(string text) =>
        text.Length >= 10 && text[..4].All(char.IsAsciiDigit) && text[4] == '-' && Encoding.ASCII.GetByteCount(text) == text.Length;
}
