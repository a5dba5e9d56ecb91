using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Functions.Notification;

/// <summary>Aodh's notification body: these keys in this order, Python
/// <c>json.dumps</c> text. Webhooks and <c>queue://</c> actions send the same text.</summary>
internal static class WebhookBody
{
    public static string For(NotifyAlarmMessage message) => PythonJson.Dumps(new JsonObject
    {
        ["alarm_name"] = message.AlarmName,
        ["alarm_id"] = message.AlarmId,
        ["severity"] = message.Severity,
        ["previous"] = message.Previous,
        ["current"] = message.Current,
        ["reason"] = message.Reason,
        ["reason_data"] = message.ReasonData.DeepClone(),
    });
}
