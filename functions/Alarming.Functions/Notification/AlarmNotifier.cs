using Alarming.Core.Actions;
using Alarming.Core.Silences;
using Alarming.Functions.Silences;
using Alarming.Storage;
using Alarming.Storage.Notifications;
using Alarming.Storage.Silences;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Notification;

/// <summary>Runs a notification's actions in list order, each on its own: one
/// failing action never stops the others. Finished actions are recorded, so a redelivery runs only
/// what is left; when an action is left to retry, the whole message is failed back to the queue
/// (and ends in <c>alarm-notify-poison</c> after <c>maxDequeueCount</c>). A worker claims the
/// notification while at it, so a duplicate copy of the message (the queue and the evaluator's
/// crash recovery are at-least-once) does not call the receivers a second time meanwhile. Every
/// attempt goes to the delivery log, without waiting for it: recording never delays or fails a delivery.
/// While an active silence of the alarm's project matches, the actions are not run but recorded as
/// <c>silenced</c>, and the notification is remembered for the silence's end.</summary>
public sealed class AlarmNotifier(
    IEnumerable<IActionNotifier> notifiers, IActionOutcomeStore outcomes, IDeliveryLogStore deliveries, ActiveSilences silences,
    IMutedNotificationStore muted, IOptions<NotifierOptions> options, TimeProvider time, ILogger<AlarmNotifier> logger)
{
    private readonly Dictionary<string, IActionNotifier> byScheme =
        notifiers.SelectMany(n => n.Schemes.Select(s => (s, n))).ToDictionary(p => p.s, p => p.n);

    /// <param name="lastTry">The message will not come back: an action left to retry has failed for good.</param>
    public async Task NotifyAsync(NotifyAlarmMessage message, bool lastTry, CancellationToken cancellationToken)
    {
        if (message.Actions.Count == 0)
        {
            logger.LogError("Notification {NotificationId} for alarm {AlarmId} has no actions; dropped", message.NotificationId, message.AlarmId);
            return;
        }
        var now = time.GetUtcNow();
        // Long enough for every attempt of every action to time out; a claim lapses only when its worker died.
        var attempts = (options.Value.RestMaxRetries + 1) * (message.Actions.Count + 1);
        var until = now.AddSeconds(options.Value.RestTimeoutSeconds * attempts + 60);
        if (await outcomes.TryClaimAsync(message.NotificationId, now, until, cancellationToken) is not { } claim)
        {
            logger.LogInformation("Notification {NotificationId} is being delivered by another worker; this copy is dropped", message.NotificationId);
            return;
        }
        try
        {
            await RunActionsAsync(message, claim.Pass, lastTry, cancellationToken);
        }
        finally
        {
            await outcomes.ReleaseAsync(message.NotificationId, claim.Version, time.GetUtcNow(), CancellationToken.None);
        }
    }

    private async Task RunActionsAsync(NotifyAlarmMessage message, int pass, bool lastTry, CancellationToken cancellationToken)
    {
        var finished = (await outcomes.ListAsync(message.NotificationId, cancellationToken)).Select(o => o.Index).ToHashSet();
        if (finished.Count == message.Actions.Count)
        {
            return;
        }
        // A notification partly delivered before a silence began is finished, not muted: its receivers heard of it.
        if (finished.Count == 0 && await silences.MutingAsync(message.Target, cancellationToken) is [_, ..] muting)
        {
            await MuteAsync(message, pass, muting, cancellationToken);
            return;
        }
        var left = new List<string>();
        for (var index = 0; index < message.Actions.Count; index++)
        {
            if (finished.Contains(index))
            {
                continue;
            }
            var action = message.Actions[index];
            var startedAt = time.GetUtcNow();
            var started = time.GetTimestamp();
            var attempt = await TryAsync(action, message, cancellationToken);
            if (attempt.Kind == ActionAttemptKind.Retry && lastTry)
            {
                attempt = attempt.Exhausted();
            }
            Record(new DeliveryRecord(message.AlarmId, message.ProjectId, message.NotificationId, pass, index, ActionRedaction.Of(action), message.Previous,
                message.Current, startedAt, (long)time.GetElapsedTime(started).TotalMilliseconds, attempt.LogOutcome, attempt.StatusCode,
                attempt.Kind == ActionAttemptKind.Delivered ? null : attempt.Detail));
            logger.Log(attempt.Kind == ActionAttemptKind.Delivered ? LogLevel.Information : LogLevel.Warning,
                "Notification {NotificationId} of alarm {AlarmId}, action {Index} {Action}: {Outcome} ({Detail})",
                message.NotificationId, message.AlarmId, index, ActionRedaction.Of(action), attempt.Kind, attempt.Detail);
            if (attempt.Kind == ActionAttemptKind.Retry)
            {
                left.Add($"{index} {ActionRedaction.Of(action)}: {attempt.Detail}");
                continue;
            }
            var status = attempt.Kind == ActionAttemptKind.Delivered ? ActionOutcome.Delivered : ActionOutcome.Failed;
            await outcomes.RecordAsync(message.NotificationId, new ActionOutcome(index, action, status, attempt.Detail, time.GetUtcNow()), cancellationToken);
        }
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"Notification {message.NotificationId}: actions to retry: {string.Join("; ", left)}");
        }
    }

    /// <remarks>The notification is remembered for each silence that resends on expiry before the actions are
    /// recorded finished, so a crash in between leaves it to a redelivery, which mutes it again.</remarks>
    private async Task MuteAsync(NotifyAlarmMessage message, int pass, IReadOnlyList<Silence> muting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var silence in muting.Where(s => s.NotifyOnExpiry))
        {
            await muted.KeepAsync(new MutedNotification(silence.SilenceId, silence.ProjectId, message.AlarmId, message.NotificationId, message.Previous,
                message.Current, message.Reason, message.ReasonData.ToJsonString(StorageJson.Options), now), cancellationToken);
        }
        var silenceId = muting[0].SilenceId;
        for (var index = 0; index < message.Actions.Count; index++)
        {
            var action = message.Actions[index];
            Record(new DeliveryRecord(message.AlarmId, message.ProjectId, message.NotificationId, pass, index, ActionRedaction.Of(action), message.Previous,
                message.Current, now, 0, ActionOutcome.Silenced, null, null, silenceId));
            await outcomes.RecordAsync(message.NotificationId, new ActionOutcome(index, action, ActionOutcome.Silenced, $"silence {silenceId}", now),
                cancellationToken);
        }
        logger.LogInformation("Notification {NotificationId} of alarm {AlarmId} ({State}) is silenced by {SilenceId}",
            message.NotificationId, message.AlarmId, message.Current, silenceId);
    }

    private async Task<ActionAttempt> TryAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        if (!ActionUrl.TryParse(action, out var url))
        {
            return ActionAttempt.Failed($"Unable to parse action {ActionRedaction.Of(action)} for alarm {message.AlarmId}");
        }
        if (!byScheme.TryGetValue(url.Scheme, out var notifier))
        {
            return ActionAttempt.Failed($"Action {url.Scheme} for alarm {message.AlarmId} is unknown, cannot notify");
        }
        try
        {
            return await notifier.NotifyAsync(action, message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Unable to notify alarm {AlarmId}", message.AlarmId);
            return ActionAttempt.Retry(e.Message);
        }
    }

    private void Record(DeliveryRecord record) => _ = RecordAsync(record);

    private async Task RecordAsync(DeliveryRecord record)
    {
        try
        {
            await deliveries.AddAsync(record, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Attempt {Attempt} of notification {NotificationId} is not in the delivery log", record.Attempt, record.NotificationId);
        }
    }
}
