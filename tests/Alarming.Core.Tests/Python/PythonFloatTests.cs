using Alarming.Core.Python;

namespace Alarming.Core.Tests.Python;

public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(80, "80.0")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(12345678901234567, "1.2345678901234568e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(91.5, "91.5")]
    [InlineData(0, "0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void Format_WritesAsPythonRepr(double value, string expected) => Assert.Equal(expected, PythonFloat.Format(value));
}
