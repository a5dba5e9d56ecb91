using Alarming.Core.Alarms;

namespace Alarming.Core.Evaluation;

/// <summary>What one threshold rule's data says: a state, or (mixed window) only a trend, or
/// insufficient data with its reason.</summary>
/// <param name="State">alarm, ok or insufficient data; <c>null</c> when mixed.</param>
/// <param name="Trend">For a mixed window: alarm when the newest value holds, else ok.</param>
/// <param name="Values">The kept values (the last evaluation_periods).</param>
/// <param name="Outside">How many kept values hold against the threshold.</param>
/// <param name="MostRecent">The last kept (or, when insufficient, fetched) value.</param>
/// <param name="UnknownReason">Why the data is insufficient.</param>
/// <param name="Integral">The values are counts, printed as integers (the legacy rule's <c>count</c> statistic).</param>
public sealed record LeafOutcome(
    string? State, string? Trend, IReadOnlyList<double> Values, int Outside, double? MostRecent, string? UnknownReason,
    bool Integral = false)
{
    public bool IsUnknown => State == AlarmStates.InsufficientData;
}
