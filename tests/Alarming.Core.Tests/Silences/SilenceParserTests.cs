using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Silences;

namespace Alarming.Core.Tests.Silences;

public sealed class SilenceParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 21, 0, 0, TimeSpan.Zero);
    private static readonly Caller Member = Caller.Create("u1", "p1", "member");

    private static Alarming.Core.Validation.Result<Silence> Parse(string body, Caller? caller = null) =>
        SilenceParser.Parse(JsonNode.Parse(body), caller ?? Member, Now, "s1");

    private static string Error(string body, Caller? caller = null) => Parse(body, caller).Error!.Message;

    [Fact]
    public void AOneOffSilence_TakesItsDefaults()
    {
        var silence = Parse("""{"comment": "db", "filter": {"=": {"severity": "critical"}}, "ends_at": "2026-12-03T02:00:00"}""").Value!;
        Assert.Equal("p1", silence.ProjectId);
        Assert.Equal("u1", silence.UserId);
        Assert.Equal(Now, silence.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero), silence.EndsAt);
        Assert.True(silence.NotifyResolved);
        Assert.True(silence.NotifyOnExpiry);
        Assert.Equal("""{"=":{"severity":"critical"}}""", silence.Filter);
    }

    [Fact]
    public void ARecurringSilence_NeedsNoEnd_AndAFilterMayBeGivenAsText()
    {
        var silence = Parse("""{"filter": "{\"=\": {\"type\": \"event\"}}", "schedule": {"start": "0 22 * * 6", "duration": 7200, "timezone": "Europe/Paris"}}""").Value!;
        Assert.Null(silence.EndsAt);
        Assert.Equal(new SilenceSchedule("0 22 * * 6", 7200, "Europe/Paris"), silence.Schedule);
        Assert.Equal("""{"=":{"type":"event"}}""", silence.Filter);
    }

    [Theory]
    [InlineData("""{"ends_at": "2026-12-03T02:00:00"}""", "Invalid input for field/attribute filter. Value: 'None'. Mandatory field missing.")]
    [InlineData("""{"filter": {}, "ends_at": "2026-12-03T02:00:00"}""", "Filter expression not valid: {} would silence every alarm of the project; say which alarms")]
    [InlineData("""{"filter": {"=": {"rule": "x"}}, "ends_at": "2026-12-03T02:00:00"}""",
        "Filter expression not valid: 'rule' does not match any of the regexes: '^alarm_id$|^enabled$|^name$|^project_id$|^repeat_actions$|^severity$|^state$|^type$|^user_id$|^user$|^project$'")]
    [InlineData("""{"filter": {"like": {"name": "x"}}, "ends_at": "2026-12-03T02:00:00"}""", "Filter expression not valid: 'like' is not a valid operator")]
    [InlineData("""{"filter": "{not json", "ends_at": "2026-12-03T02:00:00"}""", null)]
    [InlineData("""{"filter": {"=": {"name": "x"}}}""", "A silence needs ends_at, or a recurring schedule")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "ends_at": "2026-12-02T20:00:00"}""",
        "Invalid input for field/attribute ends_at. Value: '2026-12-02T20:00:00'. ends_at is in the past")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "starts_at": "2026-12-04T00:00:00", "ends_at": "2026-12-03T00:00:00"}""",
        "Invalid input for field/attribute ends_at. Value: '2026-12-03T00:00:00'. ends_at must be after starts_at")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "ends_at": "soon"}""", null)]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "ends_at": "2026-12-03T02:00:00", "color": "red"}""", "Unknown attribute for argument data: color")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 25 * * *", "duration": 60}}""",
        "Invalid input for field/attribute start. Value: '0 25 * * *'. [0 25 * * *] is not acceptable, out of range")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 22 * * *", "duration": 0}}""",
        "Invalid input for field/attribute duration. Value: '0'. Value should be greater or equal to 1")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 22 * * *"}}""",
        "Invalid input for field/attribute duration. Value: 'None'. Mandatory field missing.")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 22 * * *", "duration": 60, "timezone": "Mars/Olympus"}}""",
        "Timezone Mars/Olympus is not valid")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 22 * * *", "duration": 60, "every": 2}}""",
        "Unknown attribute for argument data.schedule: every")]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "ends_at": "2026-12-03T02:00:00", "project_id": "p2"}""", "Not Authorized to access project p2")]
    [InlineData("""{"filter": {"=": {"project_id": "p2"}}, "ends_at": "2026-12-03T02:00:00"}""", "Not Authorized to access project p2")]
    [InlineData("""[1]""", "A silence is a JSON object, not [1]")]
    [InlineData("""{"filter": {"=~": {"name": "("}}, "ends_at": "2026-12-03T02:00:00"}""", null)]
    [InlineData("""{"filter": {"=~": {"name": "(a)\\1"}}, "ends_at": "2026-12-03T02:00:00"}""", null)]
    [InlineData("""{"filter": {"=": {"name": "x"}}, "schedule": {"start": "0 22 * * *", "duration": 99999999999}}""",
        "Invalid input for field/attribute duration. Value: '99999999999'. Value should be less or equal to 31622400")]
    public void EveryMistake_IsAnAodhError(string body, string? message)
    {
        var error = Parse(body).Error;
        Assert.NotNull(error);
        Assert.InRange(error.Status, 400, 401);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void ALongCommentOrFilter_IsRefused()
    {
        var comment = new string('c', SilenceParser.MaxCommentLength + 1);
        Assert.Equal($"Invalid input for field/attribute comment. Value: '{comment}'. Value should have a maximum character requirement of 255",
            Error($$$"""{"comment": "{{{comment}}}", "filter": {"=": {"name": "x"}}, "ends_at": "2026-12-03T02:00:00"}"""));
        var names = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"name-{i}\""));
        Assert.Equal("Filter expression not valid: longer than 8192 characters",
            Error($$$"""{"filter": {"in": {"name": [{{{names}}}]}}, "ends_at": "2026-12-03T02:00:00"}"""));
    }

    [Fact]
    public void AnAdmin_MayMakeASilenceForAnotherProject()
    {
        var admin = Caller.Create("u0", "p0", "admin");
        Assert.Equal("p2", Parse("""{"filter": {"=": {"name": "x"}}, "ends_at": "2026-12-03T02:00:00", "project_id": "p2"}""", admin).Value!.ProjectId);
    }

    [Fact]
    public void TheFilter_MatchesTheFieldsANotificationCarries()
    {
        var matches = SilenceFilter.Compile(Parse(
            """{"filter": {"and": [{"=": {"severity": "critical"}}, {"in": {"state": ["alarm", "insufficient data"]}}]}, "ends_at": "2026-12-03T02:00:00"}""")
            .Value!.Filter);
        var target = new SilenceTarget("a1", "cpu", "threshold", "critical", "alarm", true, false, "u1", "p1");
        Assert.True(matches(target));
        Assert.False(matches(target with { State = "ok" }));
        Assert.False(matches(target with { Severity = "low" }));
    }
}
