using Alarming.Core.Validation;
using Alarming.Storage.Alarms;
using Alarming.Storage.Quotas;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary>Aodh's quota rules for a new alarm.</summary>
/// <remarks>Counts are read before the create, so two creates racing at the limit may both pass;
/// Aodh has the same window.</remarks>
public sealed class AlarmQuota(IQuotaStore quotas, IAlarmStore alarms, IOptions<ApiOptions> options)
{
    public async Task<ApiError?> CheckAsync(string? projectId, string? userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stored = projectId is null ? null : await quotas.FindAsync(projectId, cancellationToken);
        bool over;
        // [deviation] a stored −1 is unlimited (Aodh would refuse every create).
        if (stored is { } limit && limit != -1)
        {
            // As in Aodh: the user's alarms in any project count against the project's limit.
            over = await alarms.CountByUserAsync(userId, cancellationToken) >= limit;
        }
        else if (stored is null && settings.ProjectAlarmQuota != -1)
        {
            over = await alarms.CountByProjectAsync(projectId, cancellationToken) >= settings.ProjectAlarmQuota;
        }
        else
        {
            over = false;
        }
        if (!over && settings.UserAlarmQuota != -1)
        {
            over = await alarms.CountByUserAsync(userId, cancellationToken) >= settings.UserAlarmQuota;
        }
        return over ? ApiError.Forbidden($"Alarm quota exceeded for user {userId ?? "None"} on project {projectId ?? "None"}") : null;
    }
}
