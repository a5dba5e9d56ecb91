using Alarming.Core.Access;
using Alarming.Core.Silences;
using Alarming.Core.Validation;
using Alarming.Storage.Silences;

namespace Alarming.Functions.AlarmApi.Silences;

/// <summary>Finds a silence the caller may see: one of its project, or any for an admin; another
/// project's is not found, as an alarm is.</summary>
internal static class SilenceLookup
{
    public static async Task<Result<Silence>> FindAsync(ISilenceStore silences, string silenceId, Caller caller, CancellationToken cancellationToken) =>
        await silences.FindAsync(silenceId, caller.IsAdmin ? null : caller.ProjectId, cancellationToken) is { } silence
            ? silence
            : ApiError.NotFound($"Silence {silenceId} not found");
}
