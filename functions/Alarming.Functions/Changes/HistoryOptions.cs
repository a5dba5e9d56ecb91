namespace Alarming.Functions.Changes;

/// <summary>History settings (section <c>History</c>).</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>Aodh's <c>record_history</c>: write history entries for API and evaluator changes.</summary>
    public bool Record { get; set; } = true;
}
