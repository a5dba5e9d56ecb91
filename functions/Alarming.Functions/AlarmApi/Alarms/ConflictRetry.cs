using Alarming.Core.Access;
using Alarming.Core.Validation;
using Alarming.Storage.Alarms;
using Microsoft.AspNetCore.Mvc;

namespace Alarming.Functions.AlarmApi.Alarms;

/// <summary>The read-decide-write loop of every change to an existing alarm: find it as the
/// caller may see it (404 otherwise), try a write conditional on the version read, and on a
/// lost race read again and decide again.</summary>
/// <remarks>Each round of N concurrent writers has at least one winner, so N rounds always
/// suffice; the bound only stops a pathological livelock.</remarks>
internal static class ConflictRetry
{
    public const int MaxAttempts = 64;

    /// <param name="attempt">Writes once; returns the response, or <c>null</c> when it lost the race.</param>
    public static async Task<IActionResult> RunAsync(IAlarmStore alarms, string alarmId, Caller caller,
        Func<StoredAlarm, Task<IActionResult?>> attempt, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxAttempts; round++)
        {
            var stored = await alarms.FindForAsync(alarmId, caller, cancellationToken);
            if (stored is null)
            {
                return AodhResults.Error(ApiError.AlarmNotFound(alarmId));
            }
            if (await attempt(stored) is { } result)
            {
                return result;
            }
        }
        return AodhResults.Error(ApiError.Conflict($"Alarm {alarmId} is being changed by others; try again"));
    }
}
