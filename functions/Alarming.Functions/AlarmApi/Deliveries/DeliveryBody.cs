using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Storage.Notifications;

namespace Alarming.Functions.AlarmApi.Deliveries;

/// <summary>A delivery log record as the API shows it; <c>record_id</c> is what <c>marker</c> takes.</summary>
internal static class DeliveryBody
{
    public static JsonObject From(DeliveryRecord record, string recordId) => new()
    {
        ["record_id"] = recordId,
        ["notification_id"] = record.NotificationId,
        ["attempt"] = record.Attempt,
        ["action"] = record.Action,
        ["previous"] = record.Previous,
        ["current"] = record.Current,
        ["started_at"] = PythonTimestamp.Format(record.StartedAt),
        ["duration_ms"] = record.DurationMs,
        ["outcome"] = record.Outcome,
        ["status_code"] = record.StatusCode,
        ["error"] = record.Error,
        ["silence_id"] = record.SilenceId,
    };
}
