namespace Alarming.Core.Alarms;

/// <summary>Severities in order of meaning, which is also their sort order.</summary>
internal static class AlarmSeverities
{
    public const string Low = "low";
    public static readonly IReadOnlyList<string> All = ["low", "moderate", "critical"];

    /// <summary>Sort rank: unknown or null sorts first.</summary>
    public static int Rank(string? severity) => severity is null ? -1 : IndexOf(severity);

    private static int IndexOf(string severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == severity)
            {
                return i;
            }
        }
        return -1;
    }
}
