using Alarming.Core.Access;
using Alarming.Core.Validation;

namespace Alarming.Core.Alarms;

/// <summary>Turns a validated body into a stored alarm: create (POST) and replace (PUT) semantics.</summary>
public static class AlarmFactory
{
    public const string NotEvaluatedYet = "Not evaluated yet";
    public const string ManuallySet = "Manually set via API";

    /// <summary>POST ownership: a non-admin may only name itself; <c>user_id</c> is checked first.</summary>
    public static ApiError? CheckOwnership(AlarmDraft draft, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return null;
        }
        if (draft.UserId.Present && draft.UserId.Value != caller.UserId)
        {
            return ApiError.NotAuthorizedUser(draft.UserId.Value);
        }
        if (draft.ProjectId.Present && draft.ProjectId.Value != caller.ProjectId)
        {
            return ApiError.NotAuthorizedProject(draft.ProjectId.Value);
        }
        return null;
    }

    public static Alarm Create(AlarmDraft draft, Caller caller, string alarmId, DateTimeOffset now) => new()
    {
        AlarmId = alarmId,
        Name = draft.Name,
        Description = draft.Description,
        Enabled = draft.Enabled.Or(true),
        OkActions = draft.OkActions.Or([]),
        AlarmActions = draft.AlarmActions.Or([]),
        InsufficientDataActions = draft.InsufficientDataActions.Or([]),
        RepeatActions = draft.RepeatActions.Or(false),
        Type = draft.Type,
        TimeConstraints = draft.TimeConstraints,
        ProjectId = draft.ProjectId.Present ? draft.ProjectId.Value : caller.ProjectId,
        UserId = draft.UserId.Present ? draft.UserId.Value : caller.UserId,
        Timestamp = now,
        State = draft.State.Value ?? AlarmStates.InsufficientData,
        StateTimestamp = now,
        StateReason = NotEvaluatedYet,
        Severity = draft.Severity.Present ? draft.Severity.Value : AlarmSeverities.Low,
        EvaluateTimestamp = draft.EvaluateTimestamp.Present ? draft.EvaluateTimestamp.Value : now,
        Rule = draft.Rule,
    };

    /// <summary>PUT replaces the whole definition: omitted fields take their defaults, state
    /// included; the state timestamp and reason move only when the state changes.</summary>
    public static Alarm Replace(Alarm stored, AlarmDraft draft, Caller caller, DateTimeOffset now)
    {
        var state = draft.State.Value ?? AlarmStates.InsufficientData;
        var stateChanged = state != stored.State;
        return Create(draft, caller, stored.AlarmId, now) with
        {
            ProjectId = !caller.IsAdmin ? caller.ProjectId : draft.ProjectId.Present ? draft.ProjectId.Value : stored.ProjectId,
            UserId = !caller.IsAdmin ? caller.UserId : draft.UserId.Present ? draft.UserId.Value : stored.UserId,
            State = state,
            StateTimestamp = stateChanged ? now : stored.StateTimestamp,
            StateReason = stateChanged ? ManuallySet : stored.StateReason,
            EvaluateTimestamp = draft.EvaluateTimestamp.Value,
            Acknowledgement = stateChanged ? null : stored.Acknowledgement,
        };
    }

    /// <summary><c>PUT .../state</c>: always moves the state timestamp, even to the same state.
    /// An acknowledgement lasts until the state changes.</summary>
    public static Alarm SetState(Alarm stored, string state, DateTimeOffset now) =>
        stored with
        {
            State = state, StateTimestamp = now, StateReason = ManuallySet,
            Acknowledgement = state == stored.State ? stored.Acknowledgement : null,
        };
}
