using Alarming.Core.Access;
using Alarming.Storage.Alarms;

namespace Alarming.Functions.AlarmApi.Alarms;

internal static class CallerAlarmLookup
{
    /// <summary>Aodh's lookup rule: a non-admin finds only its own project's alarms,
    /// so another project's alarm is 404, never 403.</summary>
    public static Task<StoredAlarm?> FindForAsync(this IAlarmStore alarms, string alarmId, Caller caller, CancellationToken cancellationToken) =>
        alarms.FindAsync(alarmId, caller.IsAdmin ? null : caller.ProjectId, cancellationToken);
}
