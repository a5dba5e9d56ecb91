using System.ComponentModel.DataAnnotations;

namespace Alarming.Functions.Notification;

/// <summary>Notifier settings (section <c>Notifier</c>): Aodh's <c>rest_notifier_*</c> options and ours.</summary>
public sealed class NotifierOptions
{
    public const string SectionName = "Notifier";

    /// <summary>Per webhook attempt, redirects included (Aodh has none: a silent receiver blocks it).</summary>
    [Range(1, 3600)]
    public int RestTimeoutSeconds { get; set; } = 30;

    /// <summary>Aodh's <c>rest_notifier_max_retries</c>: extra connection attempts, at once; no status-based retries.</summary>
    [Range(0, 10)]
    public int RestMaxRetries { get; set; }

    /// <summary>How long the delivery log keeps an attempt (ours).</summary>
    [Range(1, 3650)]
    public int LogRetentionDays { get; set; } = 30;

    /// <summary>Aodh's <c>rest_notifier_ssl_verify</c>; an action's <c>aodh-alarm-ssl-verify</c> query parameter overrides it.</summary>
    public bool RestSslVerify { get; set; } = true;

    /// <summary>Comma-separated CIDRs, addresses or host names webhooks may reach although they are
    /// loopback, link-local or private. Empty in production.</summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>Webhook signing secrets by project id (<c>Notifier__SigningSecrets__&lt;project&gt;</c>).</summary>
    public Dictionary<string, string> SigningSecrets { get; set; } = new();
}
