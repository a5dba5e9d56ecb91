using Alarming.Core.Alarms;
using Alarming.Core.Python;

namespace Alarming.Core.Queries;

/// <summary>The alarm fields the list, sort and complex-query operations know.</summary>
public static class AlarmFields
{
    public static readonly QueryField<Alarm> AlarmId = new("alarm_id", a => a.AlarmId);
    public static readonly QueryField<Alarm> Enabled = new("enabled", a => a.Enabled, QueryFieldKind.Boolean);
    public static readonly QueryField<Alarm> Name = new("name", a => a.Name);
    public static readonly QueryField<Alarm> Type = new("type", a => a.Type);
    public static readonly QueryField<Alarm> Severity = new("severity", a => a.Severity, QueryFieldKind.Severity);
    public static readonly QueryField<Alarm> Timestamp = new("timestamp", a => a.Timestamp, QueryFieldKind.Timestamp);
    public static readonly QueryField<Alarm> UserId = new("user_id", a => a.UserId);
    public static readonly QueryField<Alarm> ProjectId = new("project_id", a => a.ProjectId);
    public static readonly QueryField<Alarm> State = new("state", a => a.State);
    public static readonly QueryField<Alarm> RepeatActions = new("repeat_actions", a => a.RepeatActions, QueryFieldKind.Boolean);
    public static readonly QueryField<Alarm> StateTimestamp = new("state_timestamp", a => a.StateTimestamp, QueryFieldKind.Timestamp);

    /// <summary>Sort keys in the order Aodh lists them in its error message.</summary>
    public static readonly IReadOnlyList<QueryField<Alarm>> Sortable =
        [AlarmId, Enabled, Name, Type, Severity, Timestamp, UserId, ProjectId, State, RepeatActions, StateTimestamp];

    /// <summary>Fields of the simple list query (<c>all_projects</c> is handled apart).</summary>
    public static readonly IReadOnlyList<QueryField<Alarm>> Filterable =
        [UserId, ProjectId, Type, Name, Enabled, State, Severity, Timestamp, RepeatActions];

    /// <summary>Fields of the complex query; JSON-valued columns compare as their stored JSON text.</summary>
    public static readonly IReadOnlyList<QueryField<Alarm>> Complex =
    [
        AlarmId, Type, Enabled, Name, new("description", a => a.Description), Timestamp, UserId, ProjectId, State,
        StateTimestamp, new("state_reason", a => a.StateReason),
        new("ok_actions", a => Json(a.OkActions)), new("alarm_actions", a => Json(a.AlarmActions)),
        new("insufficient_data_actions", a => Json(a.InsufficientDataActions)), RepeatActions,
        new("rule", a => PythonJson.Dumps(a.Rule)),
        new("time_constraints", a => PythonJson.Dumps(History.AlarmChangeDetail.TimeConstraintsNode(a.TimeConstraints))),
        Severity, new("evaluate_timestamp", a => a.EvaluateTimestamp, QueryFieldKind.Timestamp),
    ];

    private static string Json(IReadOnlyList<string>? items) => PythonJson.Dumps(History.AlarmChangeDetail.Strings(items));
}
