using System.Numerics;
using Alarming.Core.Events;

namespace Alarming.Core.Tests.Events;

/// <summary>Python 3's comparison semantics on converted trait values.</summary>
public sealed class PythonComparisonTests
{
    private static readonly TraitValue Five = new TraitValue.Integer(5);
    private static readonly TraitValue FiveFloat = new TraitValue.Float(5.0);
    private static readonly TraitValue FiveText = new TraitValue.Text("5");

    [Theory]
    [InlineData("eq", true)]
    [InlineData("ne", false)]
    [InlineData("lt", false)]
    [InlineData("le", true)]
    [InlineData("gt", false)]
    [InlineData("ge", true)]
    public void IntAndFloat_CompareAsNumbers(string op, bool expected) => Assert.Equal(expected, PythonComparison.Holds(op, Five, FiveFloat));

    [Fact]
    public void DifferentKinds_AreNeverEqual_AndAlwaysNotEqual()
    {
        Assert.False(PythonComparison.Holds("eq", Five, FiveText));
        Assert.True(PythonComparison.Holds("ne", Five, FiveText));
        Assert.False(PythonComparison.Holds("eq", TraitValue.None, FiveText));
        Assert.True(PythonComparison.Holds("ne", TraitValue.None, FiveText));
    }

    [Theory]
    [InlineData("lt")]
    [InlineData("le")]
    [InlineData("gt")]
    [InlineData("ge")]
    public void OrderingAcrossKinds_OrWithAMissingTrait_Raises(string op)
    {
        var error = Assert.Throws<IncomparableValuesException>(() => PythonComparison.Holds(op, Five, FiveText));
        Assert.Contains("between instances of 'int' and 'str'", error.Message);
        Assert.Throws<IncomparableValuesException>(() => PythonComparison.Holds(op, TraitValue.None, Five));
    }

    [Fact]
    public void Strings_OrderByCodePoint()
    {
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Text("B"), new TraitValue.Text("a")));
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Text("abc"), new TraitValue.Text("abd")));
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Text("ab"), new TraitValue.Text("abc")));
        // U+FFFD sorts before U+1F600 by code point, after it by UTF-16 unit.
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Text("\uFFFD"), new TraitValue.Text("\U0001F600")));
    }

    [Fact]
    public void BigIntegers_CompareExactlyWithFloats()
    {
        var big = new TraitValue.Integer(BigInteger.Pow(2, 53) + 1);
        Assert.True(PythonComparison.Holds("gt", big, new TraitValue.Float(Math.Pow(2, 53))));
        Assert.False(PythonComparison.Holds("eq", big, new TraitValue.Float(Math.Pow(2, 53))));
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Integer(4), new TraitValue.Float(4.5)));
        Assert.True(PythonComparison.Holds("gt", new TraitValue.Integer(5), new TraitValue.Float(4.5)));
        Assert.True(PythonComparison.Holds("lt", new TraitValue.Integer(-5), new TraitValue.Float(-4.5)));
    }

    [Fact]
    public void NaN_IsUnequalAndUnordered()
    {
        var nan = new TraitValue.Float(double.NaN);
        Assert.False(PythonComparison.Holds("eq", nan, nan));
        Assert.True(PythonComparison.Holds("ne", nan, Five));
        Assert.False(PythonComparison.Holds("gt", nan, Five));
        Assert.False(PythonComparison.Holds("le", Five, nan));
    }

    [Fact]
    public void Timestamps_Order()
    {
        var early = new TraitValue.Timestamp(new DateTime(2026, 1, 1));
        var late = new TraitValue.Timestamp(new DateTime(2026, 1, 2));
        Assert.True(PythonComparison.Holds("lt", early, late));
        Assert.False(PythonComparison.Holds("eq", early, new TraitValue.Text("2026-01-01T00:00:00")));
    }
}
