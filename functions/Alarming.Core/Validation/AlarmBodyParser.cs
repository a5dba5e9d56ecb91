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

        // 1. Body parsing, 2. rule presence, 3. actions, in this order: tests check which error wins.
        var attributes = ReadAttributes(reader);
        var rule = SelectRule(attributes.Type, attributes.Rules);
        attributes = ValidateActions(attributes, caller);

        // 4. Rule checks that need the whole alarm, then 5. unique time-constraint names.
        var definition = rules.ByType[attributes.Type];
        definition.Validate(rule, new RuleValidationContext(caller, attributes.ProjectId.Value, aggregationMethods, Options.ExternalProjectOwnerId));
        RequireUniqueTimeConstraintNames(attributes.TimeConstraints);

        return ToDraft(attributes, rule, definition);
    }

    /// <summary>Converts every attribute, nested objects included; attributes the
    /// draft does not keep are still read, since their format errors count.</summary>
    private BodyAttributes ReadAttributes(BodyReader reader)
    {
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
        return new BodyAttributes(
            name, type, description, enabled, okActions, alarmActions, insufficientDataActions, repeatActions,
            timeConstraints, projectId, userId, state, severity, evaluateTimestamp, ReadRules(reader));
    }

    private Dictionary<string, JsonObject> ReadRules(BodyReader reader)
    {
        var parsedRules = new Dictionary<string, JsonObject>();
        foreach (var ruleType in rules.Types)
        {
            var attribute = AlarmTypes.RuleAttribute(ruleType);
            if (reader.Raw(attribute) is { } value)
            {
                parsedRules[ruleType] = rules.ByType[ruleType].ParseValue(value, reader);
            }
        }
        return parsedRules;
    }

    /// <summary>The rule of the alarm's type, which must be the only rule given.</summary>
    private JsonObject SelectRule(string type, Dictionary<string, JsonObject> parsedRules)
    {
        if (!parsedRules.TryGetValue(type, out var rule))
        {
            throw new ApiErrorException(ApiError.BadRequest($"{AlarmTypes.RuleAttribute(type)} must be set for {type} type alarm"));
        }
        if (parsedRules.Count > 1)
        {
            var given = rules.Types.Where(parsedRules.ContainsKey).Select(AlarmTypes.RuleAttribute).ToList();
            throw new ApiErrorException(ApiError.BadRequest($"{given[0]} and {given[1]} cannot be set at the same time"));
        }
        return rule;
    }

    /// <summary>Checks the actions in Aodh's state order.</summary>
    private BodyAttributes ValidateActions(BodyAttributes attributes, Caller caller)
    {
        var okActions = attributes.OkActions with { Value = actions.Validate("ok_actions", attributes.OkActions.Value, caller) };
        var alarmActions = attributes.AlarmActions with
        {
            Value = actions.Validate("alarm_actions", attributes.AlarmActions.Value, caller),
        };
        var insufficientDataActions = attributes.InsufficientDataActions with
        {
            Value = actions.Validate("insufficient_data_actions", attributes.InsufficientDataActions.Value, caller),
        };
        return attributes with
        {
            OkActions = okActions, AlarmActions = alarmActions, InsufficientDataActions = insufficientDataActions,
        };
    }

    private static void RequireUniqueTimeConstraintNames(IReadOnlyList<TimeConstraint> timeConstraints)
    {
        if (timeConstraints.Select(t => t.Name).Distinct().Count() != timeConstraints.Count)
        {
            throw new ApiErrorException(ApiError.BadRequest("Time constraint names must be unique for a given alarm."));
        }
    }

    private static AlarmDraft ToDraft(BodyAttributes attributes, JsonObject rule, IRuleDefinition definition) => new()
    {
        Name = attributes.Name,
        Description = string.IsNullOrEmpty(attributes.Description) ? definition.DefaultDescription(rule) : attributes.Description,
        Enabled = attributes.Enabled,
        OkActions = attributes.OkActions,
        AlarmActions = attributes.AlarmActions,
        InsufficientDataActions = attributes.InsufficientDataActions,
        RepeatActions = attributes.RepeatActions,
        Type = attributes.Type,
        TimeConstraints = attributes.TimeConstraints,
        ProjectId = attributes.ProjectId,
        UserId = attributes.UserId,
        State = attributes.State,
        Severity = attributes.Severity,
        EvaluateTimestamp = attributes.EvaluateTimestamp,
        Rule = rule,
    };

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

    /// <summary>The body's attributes once read, before the checks that span several of them.</summary>
    private sealed record BodyAttributes(
        string Name,
        string Type,
        string? Description,
        Field<bool?> Enabled,
        Field<IReadOnlyList<string>> OkActions,
        Field<IReadOnlyList<string>> AlarmActions,
        Field<IReadOnlyList<string>> InsufficientDataActions,
        Field<bool?> RepeatActions,
        IReadOnlyList<TimeConstraint> TimeConstraints,
        Field<string> ProjectId,
        Field<string> UserId,
        Field<string> State,
        Field<string> Severity,
        Field<DateTimeOffset?> EvaluateTimestamp,
        Dictionary<string, JsonObject> Rules);
}

/// <summary>Either a draft or the first error found.</summary>
public sealed record ParseResult(AlarmDraft? Draft, ApiError? Error);
