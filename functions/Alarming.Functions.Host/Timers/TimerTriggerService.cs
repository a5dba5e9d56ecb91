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

/// <summary>Runs one timer function as Functions does: on its
/// NCRONTAB schedule in UTC, on one host at a time (a blob lease), with the schedule status in
/// <c>azure-webjobs-hosts/timers/{hostId}/{function}/status</c>; an occurrence missed while no
/// host ran fires once at start with <c>IsPastDue</c>. Time comes from the injected clock.</summary>
internal sealed class TimerTriggerService(
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

    private DateTimeOffset started;

    /// <remarks>The start time is read here, while the host starts: since .NET 10 ExecuteAsync runs
    /// later on the thread pool, and the schedule must count from the host's start even if the
    /// clock has moved by then.</remarks>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        started = time.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var status = await ReadStatusAsync(stoppingToken);
        if (status?.Next is { } missed && missed < started)
        {
            await FireAsync(Previous(started) ?? missed, isPastDue: true, stoppingToken);
        }
        // Counting from the last occurrence, not from now, so an occurrence that came due while the
        // previous run was finishing still fires.
        var last = started;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(last, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }
            await WaitUntilAsync(next.Value, stoppingToken);
            // Woken late (a long run, a paused host, a clock moved far): fire once, for the latest
            // occurrence, as past due; missed occurrences are not replayed one by one.
            var now = time.GetUtcNow();
            var occurrence = schedule.GetNextOccurrence(next.Value, TimeZoneInfo.Utc) <= now && Previous(now) is { } latest ? latest : next.Value;
            await FireAsync(occurrence, isPastDue: occurrence > next.Value, stoppingToken);
            last = occurrence;
        }
    }

    /// <summary>Waits until the clock reads <paramref name="at"/>.</summary>
    /// <remarks>The clock is checked again after the delay is registered: a clock moved in between
    /// (a test driving it) would otherwise leave the delay counting a whole interval from the new time.</remarks>
    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(Max(at - time.GetUtcNow(), TimeSpan.Zero), time, cancellationToken);
        if (time.GetUtcNow() < at)
        {
            await delay;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
                await FireUnderLeaseAsync(occurrence, isPastDue, cancellationToken);
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

    private async Task FireUnderLeaseAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
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
        await InvokeAsync(info, occurrence, cancellationToken);
        await WriteStatusAsync(new TimerStatus(occurrence, next, time.GetUtcNow()), cancellationToken);
    }

    private async Task InvokeAsync(TimerInfo info, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
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
