using System.Text.Json.Nodes;
using Alarming.Core.Alarms;
using Alarming.Core.Usage;

namespace Alarming.Core.Tests.Usage;

public sealed class AlarmCountsTests
{
    private static Alarm In(string project, string state) => new()
    {
        AlarmId = "a1", Name = "n", Description = null, Enabled = true, OkActions = [], AlarmActions = [], InsufficientDataActions = [],
        RepeatActions = false, Type = "event", TimeConstraints = [], ProjectId = project, UserId = "u", Timestamp = default,
        State = state, StateTimestamp = default, StateReason = null, Severity = "low", EvaluateTimestamp = null, Rule = new JsonObject(),
    };

    [Fact]
    public void Creation_CountsOneInItsState() =>
        Assert.Equal(new AlarmCounts(1, 0, 0, 1), AlarmCounts.Of(null, In("p", AlarmStates.InsufficientData), "p"));

    [Fact]
    public void Transition_MovesOneBetweenStates_AndKeepsTheTotal() =>
        Assert.Equal(new AlarmCounts(0, 1, -1, 0), AlarmCounts.Of(In("p", AlarmStates.Ok), In("p", AlarmStates.Alarm), "p"));

    [Fact]
    public void Deletion_UncountsItsState() =>
        Assert.Equal(new AlarmCounts(-1, -1, 0, 0), AlarmCounts.Of(In("p", AlarmStates.Alarm), null, "p"));

    [Fact]
    public void UnchangedState_IsZero() =>
        Assert.True(AlarmCounts.Of(In("p", AlarmStates.Ok), In("p", AlarmStates.Ok), "p").IsZero);

    [Fact]
    public void MoveToAnotherProject_LeavesOneAndEntersTheOther()
    {
        var before = In("p", AlarmStates.Ok);
        var after = In("q", AlarmStates.Ok);
        Assert.Equal(new AlarmCounts(-1, 0, -1, 0), AlarmCounts.Of(before, after, "p"));
        Assert.Equal(new AlarmCounts(1, 0, 1, 0), AlarmCounts.Of(before, after, "q"));
    }
}
