using System.Text.Json.Nodes;
using Alarming.Core.Python;
using Alarming.Core.Silences;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary>A silence as the API shows it, with its <c>state</c> at <c>now</c>.</summary>
internal static class SilenceBody
{
    public static JsonObject From(Silence silence, DateTimeOffset now) => new()
    {
        ["silence_id"] = silence.SilenceId,
        ["project_id"] = silence.ProjectId,
        ["user_id"] = silence.UserId,
        ["comment"] = silence.Comment,
        ["filter"] = JsonNode.Parse(silence.Filter),
        ["starts_at"] = PythonTimestamp.Format(silence.StartsAt),
        ["ends_at"] = silence.EndsAt is { } end ? PythonTimestamp.Format(end) : null,
        ["schedule"] = silence.Schedule is { } schedule
            ? new JsonObject { ["start"] = schedule.Start, ["duration"] = schedule.Duration, ["timezone"] = schedule.Timezone }
            : null,
        ["notify_resolved"] = silence.NotifyResolved,
        ["notify_on_expiry"] = silence.NotifyOnExpiry,
        ["created_at"] = PythonTimestamp.Format(silence.CreatedAt),
        ["state"] = silence.StateAt(now),
    };
}
