using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Tests.Python;

public sealed class PythonJsonTests
{
    [Fact]
    public void Dumps_UsesPythonSeparatorsAndAsciiEscapes() =>
        Assert.Equal("{\"name\": \"caf\\u00e9\", \"n\": [1, 2.0], \"ok\": true, \"none\": null}",
            PythonJson.Dumps(JsonNode.Parse("{\"name\":\"café\",\"n\":[1,2.0],\"ok\":true,\"none\":null}")));

    [Fact]
    public void Dumps_WritesFloatNodesAsPythonFloats() =>
        Assert.Equal("{\"threshold\": 80.0}", PythonJson.Dumps(new JsonObject { ["threshold"] = JsonNumbers.Float(80) }));

    [Fact]
    public void Loads_KeepsTheLastOfRepeatedKeys_AsPython() =>
        Assert.Equal("{\"a\": 2}", PythonJson.Dumps(PythonJson.Loads("{\"a\": 1, \"a\": 2}")));
}
