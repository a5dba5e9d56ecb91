using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.AlarmApi;

/// <summary>API settings (section <c>Api</c>); Aodh's <c>[api]</c> options with Aodh's defaults.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Aodh's <c>user_alarm_quota</c>: alarms per user over all projects; −1 unlimited.</summary>
    [Range(-1, int.MaxValue)]
    public int UserAlarmQuota { get; set; } = -1;

    /// <summary>Aodh's <c>project_alarm_quota</c>: alarms per project without a stored quota; −1 unlimited.</summary>
    [Range(-1, int.MaxValue)]
    public int ProjectAlarmQuota { get; set; } = -1;

    /// <summary>Pending or active silences per project (ours); −1 unlimited.</summary>
    [Range(-1, int.MaxValue)]
    public int SilenceQuota { get; set; } = 100;

    /// <summary>Aodh's <c>alarm_max_actions</c>: URLs per action list; ≤ 0 unlimited.</summary>
    public int AlarmMaxActions { get; set; } = -1;

    /// <summary>Id of the project that creates resources for tenants (Ceilometer's), for query scoping.</summary>
    public string? GnocchiExternalProjectOwnerId { get; set; }

    /// <summary>Accept the newer <c>prometheus</c> alarm type (off keeps Zed's type list exact).</summary>
    public bool PrometheusEnabled { get; set; }

    /// <summary>Largest request body accepted, in bytes (oslo.middleware's default, 112 KiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 114688;

    public CorsOptions Cors { get; set; } = new();

    public sealed class CorsOptions
    {
        /// <summary>Comma-separated origins; empty turns CORS off, as in Aodh.</summary>
        public string AllowedOrigins { get; set; } = "";

        public IReadOnlyList<string> Origins =>
            AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
