using System.Text.Json.Nodes;
using Alarming.Core.Silences;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Notification;
using Alarming.Storage.Alarms;
using Alarming.Storage.Queues;
using Alarming.Storage.Silences;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Silences;

/// <summary>Sends, once, the notifications silences kept back, when the silence no longer mutes (its end, a
/// recurring window's end, or a DELETE): to each alarm still in the state whose notification was kept back,
/// the actions of that state, with the reason saying so.</summary>
/// <remarks>The notification id derives from (silence, alarm, when it was muted), so a run redone after a crash,
/// or on another instance, sends the same notification, which the notifier delivers once.</remarks>
public sealed class SilenceExpiry(IMutedNotificationStore muted, ISilenceStore silences, IAlarmStore alarms, IMessageQueue queue,
    TimeProvider time, ILogger<SilenceExpiry> logger)
{
    /// <returns>How many notifications were sent.</returns>
    public async Task<int> ResendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var kept in (await muted.ListAsync(cancellationToken)).GroupBy(m => (m.ProjectId, m.SilenceId)))
        {
            var silence = await silences.FindAsync(kept.Key.SilenceId, kept.Key.ProjectId, cancellationToken);
            if (silence?.ActiveUntil(now) is not null)
            {
                continue;
            }
            foreach (var row in kept)
            {
                if (silence is { NotifyOnExpiry: true } && await NotificationAsync(silence, row, now, cancellationToken) is { } message)
                {
                    await queue.SendAsync(QueueNames.Notify, message, cancellationToken);
                    sent++;
                }
                await muted.RemoveAsync(row, cancellationToken);
            }
        }
        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} notifications kept back by silences that ended", sent);
        }
        return sent;
    }

    /// <returns>Null when the alarm is gone, disabled, no longer matched, or has moved on since it was muted.</returns>
    private async Task<NotifyAlarmMessage?> NotificationAsync(Silence silence, MutedNotification row, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await alarms.FindAsync(row.AlarmId, row.ProjectId, cancellationToken) is not { Alarm: var alarm } ||
            !alarm.IsEnabled || alarm.State != row.State || alarm.StateTimestamp > row.MutedAt ||
            !SilenceFilter.Compile(silence.Filter)(SilenceTarget.Of(alarm)) || alarm.ActionsFor(alarm.State) is not [_, ..] actions)
        {
            return null;
        }
        var occasion = $"silence {silence.SilenceId} {row.MutedAt.UtcTicks}";
        return new NotifyAlarmMessage(EffectIds.For(alarm.AlarmId, occasion, "notify"), alarm.AlarmId, alarm.Name, alarm.Severity,
            alarm.ProjectId, alarm.UserId, row.Previous, alarm.State, $"{row.Reason} (silenced notification sent when silence {silence.SilenceId} ended)",
            JsonNode.Parse(row.ReasonData) as JsonObject ?? [], actions, now, Type: alarm.Type, Enabled: alarm.Enabled,
            RepeatActions: alarm.RepeatActions);
    }
}
