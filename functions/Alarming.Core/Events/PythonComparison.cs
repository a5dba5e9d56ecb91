using System.Numerics;
using System.Text;

namespace Alarming.Core.Events;

/// <summary>Python 3's comparison operators on converted trait values: numbers compare across
/// <c>int</c> and <c>float</c> exactly, strings by code point, other kinds are never equal, and
/// ordering across kinds (or with <c>None</c>) raises.</summary>
public static class PythonComparison
{
    private enum Ordering
    {
        Less,
        Equal,
        Greater,

        /// <summary>A NaN: every comparison is false, <c>ne</c> true.</summary>
        Unordered,
    }

    /// <exception cref="IncomparableValuesException">An ordering operator on values Python cannot order.</exception>
    public static bool Holds(string op, TraitValue left, TraitValue right)
    {
        var order = Order(left, right);
        if (op is "eq" or "ne")
        {
            return (order == Ordering.Equal) == (op == "eq");
        }
        return (op, order ?? throw new IncomparableValuesException(
                $"'{Symbol(op)}' not supported between instances of '{TypeName(left)}' and '{TypeName(right)}'")) switch
        {
            (_, Ordering.Unordered) => false,
            ("lt", var o) => o == Ordering.Less,
            ("le", var o) => o != Ordering.Greater,
            ("gt", var o) => o == Ordering.Greater,
            ("ge", var o) => o != Ordering.Less,
            _ => throw new ArgumentException($"unknown operator {op}", nameof(op)),
        };
    }

    /// <returns>Null when Python cannot order the two kinds.</returns>
    private static Ordering? Order(TraitValue left, TraitValue right) => (left, right) switch
    {
        (TraitValue.Integer a, TraitValue.Integer b) => Of(a.Value.CompareTo(b.Value)),
        (TraitValue.Float a, TraitValue.Float b) => Order(a.Value, b.Value),
        (TraitValue.Integer a, TraitValue.Float b) => Order(a.Value, b.Value),
        (TraitValue.Float a, TraitValue.Integer b) => Reverse(Order(b.Value, a.Value)),
        (TraitValue.Text a, TraitValue.Text b) => Of(CompareCodePoints(a.Value, b.Value)),
        (TraitValue.Timestamp a, TraitValue.Timestamp b) => Of(a.Value.CompareTo(b.Value)),
        _ => null,
    };

    private static Ordering Of(int comparison) => comparison < 0 ? Ordering.Less : comparison > 0 ? Ordering.Greater : Ordering.Equal;

    private static Ordering Reverse(Ordering order) => order switch
    {
        Ordering.Less => Ordering.Greater,
        Ordering.Greater => Ordering.Less,
        _ => order,
    };

    private static Ordering Order(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? Ordering.Unordered : Of(a.CompareTo(b));

    /// <summary>An int against a float exactly, as Python does, without rounding the int to a double.</summary>
    private static Ordering Order(BigInteger a, double b)
    {
        if (double.IsNaN(b))
        {
            return Ordering.Unordered;
        }
        if (double.IsInfinity(b))
        {
            return b > 0 ? Ordering.Less : Ordering.Greater;
        }
        var floor = Math.Floor(b);
        var whole = new BigInteger(floor);
        if (a != whole)
        {
            return a < whole ? Ordering.Less : Ordering.Greater;
        }
        return floor == b ? Ordering.Equal : Ordering.Less;
    }

    /// <remarks>Ordinal comparison orders UTF-16 code units, which differs from code points above U+FFFF.</remarks>
    private static int CompareCodePoints(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var more = left.MoveNext();
            if (more != right.MoveNext())
            {
                return more ? 1 : -1;
            }
            if (!more)
            {
                return 0;
            }
            var comparison = left.Current.Value.CompareTo(right.Current.Value);
            if (comparison != 0)
            {
                return comparison;
            }
        }
    }

    private static string Symbol(string op) => op switch { "lt" => "<", "le" => "<=", "gt" => ">", _ => ">=" };

    private static string TypeName(TraitValue value) => value switch
    {
        TraitValue.Integer => "int",
        TraitValue.Float => "float",
        TraitValue.Text => "str",
        TraitValue.Timestamp => "datetime.datetime",
        _ => "NoneType",
    };
}
