using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Tests.Python;

public sealed class PythonReprTests
{
    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\there", "'tab\\there'")]
    public void String_QuotesAsPython(string text, string expected) => Assert.Equal(expected, PythonRepr.String(text));

    [Fact]
    public void Of_WritesDictsListsAndScalarsAsPython() =>
        Assert.Equal("{'a': [1, 2.5, True, None], 'b': 'x', 'c': 3.0}",
            PythonRepr.Of(JsonNode.Parse("{\"a\": [1, 2.5, true, null], \"b\": \"x\", \"c\": 3.0}")));

    [Theory]
    [InlineData("1", "<class 'int'>")]
    [InlineData("1.0", "<class 'float'>")]
    [InlineData("false", "<class 'bool'>")]
    [InlineData("\"s\"", "<class 'str'>")]
    [InlineData("{}", "<class 'dict'>")]
    public void ClassName_NamesPythonTypes(string json, string expected) => Assert.Equal(expected, PythonRepr.ClassName(JsonNode.Parse(json)));
}
