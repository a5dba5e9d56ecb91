using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Python;

namespace Alarming.Functions.AlarmApi.Acknowledgements;

/// <summary>An acknowledgement as the API shows it: <c>{"acknowledged": false}</c> when there is none.</summary>
internal static class AcknowledgementBody
{
    public static JsonObject From(Acknowledgement? acknowledgement) => acknowledgement is null
        ? new JsonObject { ["acknowledged"] = false }
        : new JsonObject
        {
            ["acknowledged"] = true, ["by"] = acknowledgement.By, ["at"] = PythonTimestamp.Format(acknowledgement.At),
            ["comment"] = acknowledgement.Comment,
        };
}
