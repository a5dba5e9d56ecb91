using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Actions;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Rules;
using Alarming.Core.TimeConstraints;

namespace Alarming.Core.Validation;

/// <summary>Reads and checks an alarm body (POST or PUT) in Aodh's order: body
/// parsing, rule presence, actions, rule checks, unique time-constraint names.</summary>
public sealed class AlarmBodyParser
{
    private readonly RuleDefinitions rules;
    private readonly ActionValidator actions;
    private readonly IReadOnlyList<string> knownAttributes;

    public AlarmBodyParser(AlarmRulesOptions options)
    {
        rules = new RuleDefinitions(options.PrometheusEnabled);
        actions = new ActionValidator(options.AlarmMaxActions);
        knownAttributes =
        [
            "alarm_id", "name", "description", "enabled", "ok_actions", "alarm_actions", "insufficient_data_actions",
            "repeat_actions", "type", "time_constraints", "project_id", "user_id", "timestamp", "state",
            "state_timestamp", "state_reason", "severity", "evaluate_timestamp",
            .. rules.Types.Select(AlarmTypes.RuleAttribute),
        ];
        Options = options;
    }

    public AlarmRulesOptions Options { get; }

    /// <summary>The alarm types this service accepts, in Aodh's plugin order.</summary>
    public IReadOnlyList<string> Types => rules.Types;

    public ParseResult Parse(JsonNode? body, Caller caller, IReadOnlyList<string> aggregationMethods)
    {
        try
        {
            return new ParseResult(ParseOrThrow(body, caller, aggregationMethods), null);
        }
        catch (ApiErrorException e)
        {
            return new ParseResult(null, e.Error);
        }
    }

    private AlarmDraft ParseOrThrow(JsonNode? body, Caller caller, IReadOnlyList<string> aggregationMethods)
    {
        if (body is not JsonObject obj)
        {
            throw new ApiErrorException(ApiError.InvalidInput("data", PythonRepr.Of(body), "Value not a valid dict"));
        }
        var reader = new BodyReader(obj, "data", obj);
        reader.RejectUnknown(knownAttributes);

        // 1. Body parsing: every attribute converted, nested objects included.
        reader.String("alarm_id");
        var name = reader.String("name", mandatory: true).Value!;
        var type = reader.Enumeration("type", rules.Types, mandatory: true).Value!;
        var description = reader.String("description").Value;
        var enabled = reader.Bool("enabled");
        var okActions = reader.StringList("ok_actions");
        var alarmActions = reader.StringList("alarm_actions");
        var insufficientDataActions = reader.StringList("insufficient_data_actions");
        var repeatActions = reader.Bool("repeat_actions");
        var timeConstraints = reader.ObjectList("time_constraints", "data.time_constraints", ParseTimeConstraint).Value ?? [];
        var projectId = reader.String("project_id");
        var userId = reader.String("user_id");
        reader.Timestamp("timestamp");
        var state = reader.Enumeration("state", AlarmStates.All);
        reader.Timestamp("state_timestamp");
        reader.String("state_reason");
        var severity = reader.Enumeration("severity", AlarmSeverities.All);
        var evaluateTimestamp = reader.Timestamp("evaluate_timestamp");
        var parsedRules = new Dictionary<string, JsonObject>();
        foreach (var ruleType in rules.Types)
        {
            var attribute = AlarmTypes.RuleAttribute(ruleType);
            if (reader.Raw(attribute) is { } value)
            {
                parsedRules[ruleType] = rules.ByType[ruleType].ParseValue(value, reader);
            }
        }

        // 2. Rule presence.
        if (!parsedRules.TryGetValue(type, out var rule))
        {
            throw new ApiErrorException(ApiError.BadRequest($"{AlarmTypes.RuleAttribute(type)} must be set for {type} type alarm"));
        }
        if (parsedRules.Count > 1)
        {
            var given = rules.Types.Where(parsedRules.ContainsKey).Select(AlarmTypes.RuleAttribute).ToList();
            throw new ApiErrorException(ApiError.BadRequest($"{given[0]} and {given[1]} cannot be set at the same time"));
        }

        // 3. Actions, in Aodh's state order.
        okActions = okActions with { Value = actions.Validate("ok_actions", okActions.Value, caller) };
        alarmActions = alarmActions with { Value = actions.Validate("alarm_actions", alarmActions.Value, caller) };
        insufficientDataActions = insufficientDataActions with
        {
            Value = actions.Validate("insufficient_data_actions", insufficientDataActions.Value, caller),
        };

        // 4. Rule checks that need the whole alarm, then 5. unique time-constraint names.
        var definition = rules.ByType[type];
        definition.Validate(rule, new RuleValidationContext(caller, projectId.Value, aggregationMethods, Options.ExternalProjectOwnerId));
        if (timeConstraints.Select(t => t.Name).Distinct().Count() != timeConstraints.Count)
        {
            throw new ApiErrorException(ApiError.BadRequest("Time constraint names must be unique for a given alarm."));
        }

        return new AlarmDraft
        {
            Name = name,
            Description = string.IsNullOrEmpty(description) ? definition.DefaultDescription(rule) : description,
            Enabled = enabled,
            OkActions = okActions,
            AlarmActions = alarmActions,
            InsufficientDataActions = insufficientDataActions,
            RepeatActions = repeatActions,
            Type = type,
            TimeConstraints = timeConstraints,
            ProjectId = projectId,
            UserId = userId,
            State = state,
            Severity = severity,
            EvaluateTimestamp = evaluateTimestamp,
            Rule = rule,
        };
    }

    private static TimeConstraint ParseTimeConstraint(BodyReader item)
    {
        item.RejectUnknown(["name", "description", "start", "duration", "timezone"]);
        var name = item.String("name", mandatory: true).Value!;
        var start = item.String("start", mandatory: true).Value!;
        if (!CronSchedule.TryParse(start, out _, out var error))
        {
            throw new ApiErrorException(ApiError.InvalidInput("start", start, error!));
        }
        var duration = item.Integer("duration", minimum: 0, mandatory: true).Value!.Value;
        var timezone = item.String("timezone").Value ?? "";
        if (!TimeZones.TryFind(timezone, out _))
        {
            throw new ApiErrorException(ApiError.BadRequest($"Timezone {timezone} is not valid"));
        }
        var description = item.String("description").Value;
        if (string.IsNullOrEmpty(description))
        {
            description = $"Time constraint at {start} lasting for {duration} seconds";
        }
        return new TimeConstraint(name, description, start, duration, timezone);
    }
}

/// <summary>Either a draft or the first error found.</summary>
public sealed record ParseResult(AlarmDraft? Draft, ApiError? Error);
