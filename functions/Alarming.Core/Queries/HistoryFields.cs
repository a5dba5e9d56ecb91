using Alarming.Core.History;

namespace Alarming.Core.Queries;

/// <summary>The history fields the list, sort and complex-query operations know.</summary>
public static class HistoryFields
{
    public static readonly QueryField<AlarmChange> EventId = new("event_id", c => c.EventId);
    public static readonly QueryField<AlarmChange> AlarmId = new("alarm_id", c => c.AlarmId);
    public static readonly QueryField<AlarmChange> OnBehalfOf = new("on_behalf_of", c => c.OnBehalfOf);
    public static readonly QueryField<AlarmChange> ProjectId = new("project_id", c => c.ProjectId);
    public static readonly QueryField<AlarmChange> UserId = new("user_id", c => c.UserId);
    public static readonly QueryField<AlarmChange> Type = new("type", c => c.Type);
    public static readonly QueryField<AlarmChange> Timestamp = new("timestamp", c => c.Timestamp, QueryFieldKind.Timestamp);
    public static readonly QueryField<AlarmChange> Severity = new("severity", c => c.Severity, QueryFieldKind.Severity);

    public static readonly IReadOnlyList<QueryField<AlarmChange>> Sortable =
        [EventId, AlarmId, OnBehalfOf, ProjectId, UserId, Type, Timestamp, Severity];

    public static readonly IReadOnlyList<QueryField<AlarmChange>> Complex =
        [EventId, AlarmId, Type, new("detail", c => c.Detail), UserId, ProjectId, OnBehalfOf, Severity, Timestamp];
}
