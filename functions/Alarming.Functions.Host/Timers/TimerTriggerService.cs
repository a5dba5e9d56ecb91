using System.Text.Json;
using Alarming.Functions.Host.Discovery;
using Alarming.Functions.Host.Invocation;
using Alarming.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Host.Timers;

/// <summary>Runs one timer function as Functions does (platform/azure-functions.md §4): on its
/// NCRONTAB schedule in UTC, on one host at a time (a blob lease), with the schedule status in
/// <c>azure-webjobs-hosts/timers/{hostId}/{function}/status</c>; an occurrence missed while no
/// host ran fires once at start with <c>IsPastDue</c>. Time comes from the injected clock.</summary>
public sealed class TimerTriggerService(
    FunctionDescriptor function,
    CronExpression schedule,
    string hostId,
    StorageConnection storage,
    FunctionInvoker invoker,
    TriggerActivity activity,
    TimeProvider time,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private readonly BlobContainerClient container = storage.Blobs().GetBlobContainerClient("azure-webjobs-hosts");

    private BlobClient StatusBlob => container.GetBlobClient($"timers/{hostId}/{function.Name}/status");
    private BlobClient LockBlob => container.GetBlobClient($"locks/{hostId}/{function.Name}.Listener");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var now = time.GetUtcNow();
        var status = await ReadStatusAsync(stoppingToken);
        if (status?.Next is { } missed && missed < now)
        {
            await FireAsync(Previous(now) ?? missed, isPastDue: true, stoppingToken);
        }
        var last = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(last, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }
            var delay = next.Value - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            // A run that outlasts the interval delays the next one; it never overlaps.
            var late = time.GetUtcNow() - next.Value > TimeSpan.FromSeconds(1) && schedule.GetNextOccurrence(next.Value, TimeZoneInfo.Utc) <= time.GetUtcNow();
            await FireAsync(next.Value, isPastDue: late, stoppingToken);
            last = next.Value;
        }
    }

    private async Task FireAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
    {
        try
        {
            var lease = LockBlob.GetBlobLeaseClient();
            if (!await TryAcquireAsync(lease, cancellationToken))
            {
                logger.LogDebug("Timer {Function}: another host holds the lock for {Occurrence}", function.Name, occurrence);
                return;
            }
            try
            {
                var status = await ReadStatusAsync(cancellationToken);
                if (status?.Last >= occurrence)
                {
                    return;  // another host fired this occurrence already
                }
                var next = schedule.GetNextOccurrence(occurrence, TimeZoneInfo.Utc);
                var info = new TimerInfo
                {
                    IsPastDue = isPastDue,
                    ScheduleStatus = new ScheduleStatus { Last = (status?.Last ?? occurrence).UtcDateTime, Next = (next ?? occurrence).UtcDateTime, LastUpdated = time.GetUtcNow().UtcDateTime },
                };
                activity.Started(function.Name);
                try
                {
                    await invoker.InvokeAsync(function, info, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // As in Functions: a failed timer run is not retried; the next occurrence runs.
                    logger.LogError(e, "Timer {Function} failed for {Occurrence}", function.Name, occurrence);
                }
                finally
                {
                    activity.Finished();
                }
                await WriteStatusAsync(new TimerStatus(occurrence, next, time.GetUtcNow()), cancellationToken);
            }
            finally
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
        }
        finally
        {
            activity.Handled(function.Name, occurrence);
        }
    }

    private async Task<bool> TryAcquireAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        if (!await LockBlob.ExistsAsync(cancellationToken))
        {
            try
            {
                await LockBlob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
        }
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private DateTimeOffset? Previous(DateTimeOffset now)
    {
        DateTimeOffset? previous = null;
        foreach (var occurrence in schedule.GetOccurrences(now.AddDays(-1), now, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true))
        {
            previous = occurrence;
        }
        return previous;
    }

    private async Task<TimerStatus?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await StatusBlob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<TimerStatus>();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private Task WriteStatusAsync(TimerStatus status, CancellationToken cancellationToken) =>
        StatusBlob.UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(status)), overwrite: true, cancellationToken);

    private sealed record TimerStatus(DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset LastUpdated);
}
