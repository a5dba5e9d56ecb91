using System.ComponentModel.DataAnnotations;

namespace Alarming.Storage;

/// <summary>Table names (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required] public string AlarmsTable { get; set; } = "alarms";
    [Required] public string AlarmIdsTable { get; set; } = "alarmids";
    [Required] public string HistoryTable { get; set; } = "history";
    [Required] public string QuotasTable { get; set; } = "quotas";
    [Required] public string MetricsTable { get; set; } = "metrics";
    [Required] public string ResourcesTable { get; set; } = "resources";
    [Required] public string MeasuresTable { get; set; } = "measures";
    [Required] public string ArchivePoliciesTable { get; set; } = "archivepolicies";
    [Required] public string TicksTable { get; set; } = "ticks";
    [Required] public string ResourceTypesTable { get; set; } = "resourcetypes";
    [Required] public string NotificationsTable { get; set; } = "notifications";
    [Required] public string UsageProjectsTable { get; set; } = "usageprojects";
    [Required] public string DeliveriesTable { get; set; } = "deliveries";
    [Required] public string SilencesTable { get; set; } = "silences";
    [Required] public string MutedNotificationsTable { get; set; } = "mutednotifications";
}
