using System.Globalization;

namespace Alarming.Core.Python;

/// <summary>Writes a double the way Python's <c>repr(float)</c> does.</summary>
/// <remarks>Aodh's JSON output and reason strings come from Python, so <c>80</c> must read
/// <c>80.0</c> and <c>0.00001</c> must read <c>1e-05</c>; clients and Aodh's tests compare
/// these strings.</remarks>
public static class PythonFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" gives 17 significant digits; "R" the shortest round-trip digits we need.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (negative, digits, exponent) = Decompose(shortest);
        var sign = negative ? "-" : "";
        if (exponent < -4 || exponent >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exponentText = (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            return sign + mantissa + "e" + exponentText;
        }
        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }
        if (digits.Length <= exponent + 1)
        {
            return sign + digits + new string('0', exponent + 1 - digits.Length) + ".0";
        }
        return sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }

    /// <summary>Splits a round-trip string into sign, significant digits and decimal exponent
    /// of the first digit (<c>123.4</c> → <c>("1234", 2)</c>).</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(string text)
    {
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : "";
        var all = integerPart + fraction;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        return (negative, digits, pointPosition - leadingZeros - 1);
    }
}
