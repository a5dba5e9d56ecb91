using Alarming.Core.Queries;

namespace Alarming.Core.Silences;

/// <summary>The alarm fields a silence's filter may name, with the names of the alarm query.</summary>
public static class SilenceFields
{
    public static readonly IReadOnlyList<QueryField<SilenceTarget>> All =
    [
        new("alarm_id", t => t.AlarmId),
        new("name", t => t.Name),
        new("type", t => t.Type),
        new("severity", t => t.Severity, QueryFieldKind.Severity),
        new("state", t => t.State),
        new("enabled", t => t.Enabled, QueryFieldKind.Boolean),
        new("repeat_actions", t => t.RepeatActions, QueryFieldKind.Boolean),
        new("user_id", t => t.UserId),
        new("project_id", t => t.ProjectId),
    ];
}
