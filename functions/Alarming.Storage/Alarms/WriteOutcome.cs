namespace Alarming.Storage.Alarms;

/// <summary>How a conditional alarm write ended.</summary>
public enum WriteOutcome
{
    Written,

    /// <summary>Another alarm of the project has the name.</summary>
    NameTaken,

    /// <summary>The alarm changed (or went) since it was read: re-read and decide again.</summary>
    Conflict,
}
