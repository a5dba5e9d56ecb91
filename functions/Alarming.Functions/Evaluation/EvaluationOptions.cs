using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.Evaluation;

/// <summary>Fan-out and evaluation settings (section <c>Evaluator</c>).</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluator";

    /// <summary>Aodh's <c>evaluation_interval</c>: ticks are this long; the timer schedule
    /// (<c>AlarmEvaluationSchedule</c>) must fire at least this often.</summary>
    [Range(1, 86400)]
    public int EvaluationIntervalSeconds { get; set; } = 60;

    /// <summary>Most alarms per <c>alarm-evaluate</c> message (fewer when the alarms as read fill it); 100 keeps
    /// the queue (Azurite moves ~170 messages/s) far from its limit.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Aodh's <c>additional_ingestion_lag</c>: extra look-back for late measures.</summary>
    [Range(0, 86400)]
    public int AdditionalIngestionLagSeconds { get; set; }

    /// <summary>A legacy <c>threshold</c> rule whose query selects more resources reads no statistics.</summary>
    [Range(1, 100000)]
    public int LegacyThresholdMaxResources { get; set; } = 1000;

    /// <summary>The identity of the evaluator's history entries (Aodh writes its own Keystone user and
    /// project); also the creator of resources the evaluator resolves by name.</summary>
    [Required]
    public string ServiceUserId { get; set; } = "alarming";

    [Required]
    public string ServiceProjectId { get; set; } = "service";

    public TimeSpan Interval => TimeSpan.FromSeconds(EvaluationIntervalSeconds);

    /// <summary>The tick an instant belongs to: the interval's start, so a late or repeated run of
    /// the timer names the same tick.</summary>
    public DateTimeOffset TickOf(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / EvaluationIntervalSeconds * EvaluationIntervalSeconds);
}
