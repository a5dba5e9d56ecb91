namespace Alarming.Functions.Host.Invocation;

/// <summary>What the non-HTTP triggers are doing: invocations in flight and the last timer
/// occurrence each timer has handled. Tests wait on it instead of sleeping.</summary>
public sealed class TriggerActivity
{
    private readonly Dictionary<string, DateTimeOffset> handled = new();
    private readonly Dictionary<string, int> invocations = new();
    private int inFlight;

    public int InFlight => Volatile.Read(ref inFlight);

    public void Started(string function)
    {
        Interlocked.Increment(ref inFlight);
        lock (invocations)
        {
            invocations[function] = invocations.GetValueOrDefault(function) + 1;
        }
    }

    /// <summary>How often a function was invoked by this host.</summary>
    public int Invocations(string function)
    {
        lock (invocations)
        {
            return invocations.GetValueOrDefault(function);
        }
    }

    public void Finished() => Interlocked.Decrement(ref inFlight);

    /// <summary>Records that a timer fired for, or deliberately skipped, an occurrence.</summary>
    public void Handled(string function, DateTimeOffset occurrence)
    {
        lock (handled)
        {
            if (!handled.TryGetValue(function, out var last) || last < occurrence)
            {
                handled[function] = occurrence;
            }
        }
    }

    public DateTimeOffset? LastHandled(string function)
    {
        lock (handled)
        {
            return handled.TryGetValue(function, out var last) ? last : null;
        }
    }
}
