using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.Outbox;

/// <summary>Outbox settings (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How old an outbox entry must be before the sweep finishes it in place of its writer,
    /// which normally does so within milliseconds.</summary>
    [Range(1, 86400)]
    public int SweepAfterSeconds { get; set; } = 60;
}
