namespace Alarming.Core.Validation;

/// <summary>The settings that change how alarm bodies are checked.</summary>
/// <param name="AlarmMaxActions">Aodh's <c>alarm_max_actions</c>: ≤ 0 is unlimited.</param>
/// <param name="ExternalProjectOwnerId">Aodh's <c>gnocchi_external_project_owner</c>, as an id.</param>
/// <param name="PrometheusEnabled">Accept the newer <c>prometheus</c> type (off keeps Zed's enumeration exact).</param>
public sealed record AlarmRulesOptions(int AlarmMaxActions, string? ExternalProjectOwnerId, bool PrometheusEnabled);
