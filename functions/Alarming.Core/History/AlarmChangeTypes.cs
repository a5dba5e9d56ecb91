namespace Alarming.Core.History;

/// <summary>History entry types, spelled as on the wire.</summary>
public static class AlarmChangeTypes
{
    public const string Creation = "creation";
    public const string RuleChange = "rule change";
    public const string StateTransition = "state transition";
    public const string Deletion = "deletion";

    /// <summary>Ours: an acknowledgement given or withdrawn.</summary>
    public const string Acknowledgement = "acknowledgement";
}
