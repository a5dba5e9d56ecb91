namespace Alarming.Core.TimeConstraints;

/// <summary>IANA time zones by name, case-insensitively as pytz finds them (<c>utc</c> works).</summary>
internal static class TimeZones
{
    private static readonly Lazy<Dictionary<string, string>> IdsByLowerName = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC")
            .DistinctBy(id => id.ToLowerInvariant())
            .ToDictionary(id => id.ToLowerInvariant(), id => id));

    /// <summary>Finds a zone; an empty name is UTC.</summary>
    public static bool TryFind(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) ||
            (IdsByLowerName.Value.TryGetValue(name.ToLowerInvariant(), out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out found)))
        {
            zone = found;
            return true;
        }
        return false;
    }
}
