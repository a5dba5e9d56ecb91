using System.Text.Json.Nodes;
using Alarming.Core.Silences;
using Alarming.Functions.Evaluation;
using Alarming.Functions.Notification;
using Alarming.Storage.Alarms;
using Alarming.Storage.Notifications;
using Alarming.Storage.Queues;
using Alarming.Storage.Silences;
using Microsoft.Extensions.Logging;

namespace Alarming.Functions.Silences;

/// <summary>Sends, once, the notifications silences kept back, when the silence no longer mutes (its end, a
/// recurring window's end, or a DELETE): to each alarm still in the state whose notification was kept back,
/// the actions of that state, with the reason saying so. One that another silence still mutes is handed to it.</summary>
/// <remarks>The notification id derives from (silence, alarm, when it was muted), so a run redone after a crash,
/// or on another instance, sends the same notification, which the notifier delivers once.</remarks>
public sealed class SilenceExpiry(IMutedNotificationStore muted, ISilenceStore silences, IAlarmStore alarms, IActionOutcomeStore outcomes,
    ActiveSilences active, IMessageQueue queue, TimeProvider time, ILogger<SilenceExpiry> logger)
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
            var matches = silence is { NotifyOnExpiry: true } ? SilenceFilter.Compile(silence.Filter) : null;
            foreach (var row in kept)
            {
                if (matches is not null && await ResendAsync(silence!, matches, row, now, cancellationToken))
                {
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

    /// <returns>False when nothing is owed: the alarm is gone, disabled, no longer matched or has moved on since it was
    /// muted; the kept notification was delivered after all (a crash while muting it); or another silence took it over.</returns>
    private async Task<bool> ResendAsync(Silence silence, Func<SilenceTarget, bool> matches, MutedNotification row, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await alarms.FindAsync(row.AlarmId, row.ProjectId, cancellationToken) is not { Alarm: var alarm } ||
            !alarm.IsEnabled || alarm.State != row.State || alarm.StateTimestamp > row.MutedAt || !matches(SilenceTarget.Of(alarm)) ||
            alarm.ActionsFor(alarm.State) is not [_, ..] actions)
        {
            return false;
        }
        var recorded = await outcomes.ListAsync(row.NotificationId, cancellationToken);
        if (recorded.Count == 0 || recorded.Any(o => o.Status != ActionOutcome.Silenced))
        {
            return false;
        }
        var others = (await active.MutingAsync(SilenceTarget.Of(alarm), cancellationToken)).Where(s => s.SilenceId != silence.SilenceId).ToList();
        if (others.Count > 0)
        {
            foreach (var other in others.Where(s => s.NotifyOnExpiry))
            {
                await muted.KeepAsync(row with { SilenceId = other.SilenceId, ProjectId = other.ProjectId }, cancellationToken);
            }
            return false;
        }
        var occasion = $"silence {silence.SilenceId} {row.MutedAt.UtcTicks}";
        await queue.SendAsync(QueueNames.Notify, new NotifyAlarmMessage(EffectIds.For(alarm.AlarmId, occasion, "notify"), alarm.AlarmId, alarm.Name,
            alarm.Severity, alarm.ProjectId, alarm.UserId, row.Previous, alarm.State,
            $"{row.Reason} (silenced notification sent when silence {silence.SilenceId} ended)", JsonNode.Parse(row.ReasonData) as JsonObject ?? [],
            actions, now, Type: alarm.Type, Enabled: alarm.Enabled, RepeatActions: alarm.RepeatActions), cancellationToken);
        return true;
    }
}
