namespace Alarming.Core.Silences;

/// <summary>Where a silence stands at a given moment.</summary>
public static class SilenceStates
{
    /// <summary>Not yet started, or a recurring silence between two of its windows.</summary>
    public const string Pending = "pending";

    /// <summary>Muting now.</summary>
    public const string Active = "active";

    /// <summary>Ended for good: its <c>ends_at</c> passed, or it was deleted.</summary>
    public const string Expired = "expired";

    public static readonly IReadOnlyList<string> All = [Pending, Active, Expired];
}
