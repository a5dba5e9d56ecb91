using System.ComponentModel.DataAnnotations;

namespace Alarming.Storage;

/// <summary>Table names (section <c>Storage</c>); defaults from DESIGN.md §3.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required] public string AlarmsTable { get; set; } = "alarms";
    [Required] public string AlarmIdsTable { get; set; } = "alarmids";
    [Required] public string HistoryTable { get; set; } = "history";
    [Required] public string QuotasTable { get; set; } = "quotas";
}
