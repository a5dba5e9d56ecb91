using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Python;
using Alarming.Core.TimeConstraints;
using Alarming.Core.Validation;

namespace Alarming.Core.Silences;

/// <summary>Reads the body of <c>POST /v2/silences</c> with the error messages of Aodh's API.</summary>
public static class SilenceParser
{
    /// <summary>As an alarm's description.</summary>
    public const int MaxCommentLength = 255;

    /// <summary>A window of a recurring silence lasts at most a year.</summary>
    public const long MaxDuration = 366L * 24 * 3600;

    private static readonly string[] Attributes =
        ["comment", "filter", "starts_at", "ends_at", "schedule", "notify_resolved", "notify_on_expiry", "project_id"];

    public static Result<Silence> Parse(JsonNode? body, Caller caller, DateTimeOffset now, string silenceId)
    {
        if (body is not JsonObject obj)
        {
            return ApiError.BadRequest($"A silence is a JSON object, not {PythonRepr.Of(body)}");
        }
        try
        {
            return Read(new BodyReader(obj, "data", body), caller, now, silenceId);
        }
        catch (ApiErrorException e)
        {
            return e.Error;
        }
    }

    private static Result<Silence> Read(BodyReader reader, Caller caller, DateTimeOffset now, string silenceId)
    {
        reader.RejectUnknown(Attributes);
        var projectId = reader.String("project_id").Value ?? caller.ProjectId;
        if (!caller.CanAccessProject(projectId))
        {
            return ApiError.NotAuthorizedProject(projectId);
        }
        if (reader.Raw("filter") is null)
        {
            return ApiError.MandatoryMissing("filter");
        }
        var filter = SilenceFilter.Parse(reader.Raw("filter"), caller);
        if (filter.Failed)
        {
            return filter.Error!;
        }
        var startsAt = reader.Timestamp("starts_at").Value ?? PythonTimestamp.Truncate(now);
        var endsAt = reader.Timestamp("ends_at").Value;
        var schedule = reader.Raw("schedule") is { } given ? ReadSchedule(reader.Nested(given, "data.schedule")) : null;
        if (endsAt is null && schedule is null)
        {
            return ApiError.BadRequest("A silence needs ends_at, or a recurring schedule");
        }
        if (endsAt is { } past && past <= now)
        {
            return ApiError.InvalidInput("ends_at", PythonTimestamp.Format(past), "ends_at is in the past");
        }
        if (endsAt is { } end && end <= startsAt)
        {
            return ApiError.InvalidInput("ends_at", PythonTimestamp.Format(end), "ends_at must be after starts_at");
        }
        var comment = reader.String("comment").Value;
        if (comment?.Length > MaxCommentLength)
        {
            return ApiError.InvalidInput("comment", comment, $"Value should have a maximum character requirement of {MaxCommentLength}");
        }
        return new Silence(silenceId, projectId, caller.UserId, comment, filter.Value!, startsAt, endsAt, schedule,
            reader.Bool("notify_resolved").Value ?? true, reader.Bool("notify_on_expiry").Value ?? true, PythonTimestamp.Truncate(now));
    }

    /// <summary>A time constraint's <c>start</c>, <c>duration</c> and <c>timezone</c>, checked the same way.</summary>
    private static SilenceSchedule ReadSchedule(BodyReader schedule)
    {
        schedule.RejectUnknown(["start", "duration", "timezone"]);
        var start = schedule.String("start", mandatory: true).Value!;
        if (!CronSchedule.TryParse(start, out _, out var error))
        {
            throw new ApiErrorException(ApiError.InvalidInput("start", start, error!));
        }
        var duration = schedule.Integer("duration", minimum: 1, mandatory: true).Value!.Value;
        if (duration > MaxDuration)
        {
            throw new ApiErrorException(ApiError.InvalidInput("duration", duration.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Value should be less or equal to {MaxDuration}"));
        }
        var timezone = schedule.String("timezone").Value ?? "";
        if (!TimeZones.TryFind(timezone, out _))
        {
            throw new ApiErrorException(ApiError.BadRequest($"Timezone {timezone} is not valid"));
        }
        return new SilenceSchedule(start, duration, timezone);
    }
}
