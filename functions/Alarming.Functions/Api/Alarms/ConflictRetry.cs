namespace Alarming.Functions.Api.Alarms;

/// <summary>How often a read-decide-write loop retries after losing a race on an alarm's ETag.</summary>
/// <remarks>Each round of N concurrent writers has at least one winner, so N rounds always
/// suffice; the bound only stops a pathological livelock.</remarks>
public static class ConflictRetry
{
    public const int MaxAttempts = 64;
}
