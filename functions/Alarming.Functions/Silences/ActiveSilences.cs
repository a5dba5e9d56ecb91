using System.Collections.Concurrent;
using Alarming.Core.Silences;
using Alarming.Storage.Silences;

namespace Alarming.Functions.Silences;

/// <summary>The silences that keep a notification back: the project's open silences, read in one partition
/// read and kept for <see cref="CacheFor"/> at most, each with its filter compiled once.</summary>
/// <remarks>A silence made on another instance is seen within <see cref="CacheFor"/>; one made or ended on
/// this instance at once (the API forgets the project).</remarks>
public sealed class ActiveSilences(ISilenceStore silences, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lazy<Task<Loaded>>> byProject = new();

    /// <summary>The silences active now whose filter matches <paramref name="target"/> and that mute its state;
    /// empty when the notification goes out.</summary>
    public async Task<IReadOnlyList<Silence>> MutingAsync(SilenceTarget target, CancellationToken cancellationToken)
    {
        if (target.ProjectId is not { } projectId)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var open = await OpenAsync(projectId, now);
        return [.. open.Where(s => s.Silence.Mutes(target.State) && s.Matches(target) && s.Silence.ActiveUntil(now) is not null).Select(s => s.Silence)];
    }

    /// <summary>Drops what is cached for the project, after a silence of it was made or ended here.</summary>
    public void Forget(string projectId) => byProject.TryRemove(projectId, out _);

    private async Task<IReadOnlyList<Compiled>> OpenAsync(string projectId, DateTimeOffset now)
    {
        var entry = byProject.GetOrAdd(projectId, p => Load(p, now, []));
        Loaded loaded;
        try
        {
            loaded = await entry.Value;
        }
        catch
        {
            byProject.TryRemove(new KeyValuePair<string, Lazy<Task<Loaded>>>(projectId, entry));
            throw;
        }
        if (now - loaded.At < CacheFor)
        {
            return loaded.Silences;
        }
        byProject.TryUpdate(projectId, Load(projectId, now, loaded.Silences), entry);
        return await OpenAsync(projectId, now);
    }

    /// <remarks>Read without the caller's cancellation: other notifications wait on the same read. A filter never
    /// changes, so the matchers of the last read are kept (a linear-time regex costs about a millisecond to build).</remarks>
    private Lazy<Task<Loaded>> Load(string projectId, DateTimeOffset now, IReadOnlyList<Compiled> previous) => new(async () =>
    {
        var open = await silences.ListOpenAsync(projectId, now, CancellationToken.None);
        var known = previous.ToDictionary(c => c.Silence.SilenceId, c => c.Matches);
        return new Loaded(now, [.. open.Select(s => new Compiled(s, known.GetValueOrDefault(s.SilenceId) ?? SilenceFilter.Compile(s.Filter)))]);
    });

    private sealed record Loaded(DateTimeOffset At, IReadOnlyList<Compiled> Silences);

    private sealed record Compiled(Silence Silence, Func<SilenceTarget, bool> Matches);
}
