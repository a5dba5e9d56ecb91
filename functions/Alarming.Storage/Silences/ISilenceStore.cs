using Alarming.Core.Silences;

namespace Alarming.Storage.Silences;

/// <summary>Silences by project.</summary>
public interface ISilenceStore
{
    Task AddAsync(Silence silence, CancellationToken cancellationToken);

    /// <summary>The silences of a project, or of every project when <paramref name="projectId"/> is null.</summary>
    Task<IReadOnlyList<Silence>> ListAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>The project's silences not yet ended at <paramref name="now"/> (pending or active): one partition read.</summary>
    Task<IReadOnlyList<Silence>> ListOpenAsync(string projectId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A silence by id, in that project or, when <paramref name="projectId"/> is null, in any.</summary>
    Task<Silence?> FindAsync(string silenceId, string? projectId, CancellationToken cancellationToken);

    /// <summary>Ends the silence at <paramref name="at"/> (it stays, expired, readable until retention).</summary>
    Task<Silence> EndAsync(Silence silence, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes silences that ended before <paramref name="before"/>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
