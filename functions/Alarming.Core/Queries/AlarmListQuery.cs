using Alarming.Core.Access;
using Alarming.Core.Alarms;
using Alarming.Core.Python;
using Alarming.Core.Validation;

namespace Alarming.Core.Queries;

/// <summary>The filters of <c>GET /v2/alarms</c>.</summary>
/// <param name="ProjectId">The one project to read, or <c>null</c> for all projects.</param>
public sealed record AlarmListQuery(string? ProjectId, Func<Alarm, bool> Matches)
{
    private static readonly string[] Allowed =
        ["all_projects", "user_id", "project_id", "type", "name", "enabled", "state", "severity", "timestamp", "repeat_actions"];

    public static Result<AlarmListQuery> Parse(IReadOnlyList<SimpleQueryItem> items, Caller caller)
    {
        if (CheckShape(items) is { } invalid)
        {
            return invalid;
        }
        var allProjects = ReadAllProjects(items, caller);
        if (allProjects.Failed)
        {
            return allProjects.Error!;
        }
        string? scope = null;
        if (!allProjects.Value)
        {
            var project = ProjectScope(items, caller);
            if (project.Failed)
            {
                return project.Error!;
            }
            scope = project.Value;
        }
        var predicates = Predicates(items);
        if (predicates.Failed)
        {
            return predicates.Error!;
        }
        var all = predicates.Value!;
        return new AlarmListQuery(scope, alarm => all.All(p => p(alarm)));
    }

    /// <summary>Allowed fields first, then operators, then duplicates: the order of Aodh's checks.</summary>
    private static ApiError? CheckShape(IReadOnlyList<SimpleQueryItem> items)
    {
        foreach (var item in items)
        {
            if (!Allowed.Contains(item.Field))
            {
                return ApiError.InvalidInput("field", PythonRepr.Set([item.Field]), $"only fields {PythonRepr.Set(Allowed)} are allowed");
            }
        }
        foreach (var item in items)
        {
            if (item.Op != "eq")
            {
                return ApiError.InvalidInput("op", PythonRepr.Set([item.Op]), "only operations {'eq'} are allowed");
            }
        }
        var duplicate = items.GroupBy(i => i.Field).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return ApiError.InvalidInput("field", PythonRepr.Set([duplicate.Key]), "duplicate query fields are not allowed");
        }
        return null;
    }

    private static Result<bool> ReadAllProjects(IReadOnlyList<SimpleQueryItem> items, Caller caller)
    {
        var allProjects = false;
        if (items.FirstOrDefault(i => i.Field == "all_projects") is { } all)
        {
            if (!PythonBoolean.TryParse(all.Value, out allProjects))
            {
                return ApiError.NotConvertible(all.Value, "boolean");
            }
            if (allProjects && !caller.IsAdmin)
            {
                return ApiError.RbacFailed();
            }
        }
        return allProjects;
    }

    /// <summary>The one project to read: the caller's own unless an admin names another.</summary>
    private static Result<string> ProjectScope(IReadOnlyList<SimpleQueryItem> items, Caller caller)
    {
        var projectItem = items.FirstOrDefault(i => i.Field == "project_id");
        if (projectItem is null)
        {
            return caller.ProjectId;
        }
        if (!caller.IsAdmin && projectItem.Value != caller.ProjectId)
        {
            return ApiError.NotAuthorizedProject(projectItem.Value);
        }
        return projectItem.Value;
    }

    private static Result<List<Func<Alarm, bool>>> Predicates(IReadOnlyList<SimpleQueryItem> items)
    {
        var predicates = new List<Func<Alarm, bool>>();
        foreach (var item in items.Where(i => i.Field != "all_projects"))
        {
            var field = AlarmFields.Filterable.First(f => f.Name == item.Field);
            var predicate = Equality(field, item);
            if (predicate.Failed)
            {
                return predicate.Error!;
            }
            predicates.Add(predicate.Value!);
        }
        return predicates;
    }

    /// <remarks>[ours] Booleans compare as booleans (<c>True/False/1/0</c>, any case: MySQL's
    /// behaviour); timestamps as instants; everything else as text, <c>None</c> meaning null.</remarks>
    private static Result<Func<Alarm, bool>> Equality(QueryField<Alarm> field, SimpleQueryItem item)
    {
        switch (field.Kind)
        {
            case QueryFieldKind.Boolean:
                if (item.Type is "boolean" ? PythonBoolean.TryParse(item.Value, out var strict) : TryLiteralBoolean(item.Value, out strict))
                {
                    return new Func<Alarm, bool>(a => field.Read(a) is bool b && b == strict);
                }
                if (item.Type is "boolean")
                {
                    return ApiError.NotConvertible(item.Value, "boolean");
                }
                return new Func<Alarm, bool>(_ => false);
            case QueryFieldKind.Timestamp:
                if (!PythonTimestamp.TryParse(item.Value, out var instant))
                {
                    return new Func<Alarm, bool>(_ => false);
                }
                return new Func<Alarm, bool>(a => field.Read(a) is DateTimeOffset t && t == instant);
            default:
                if (item.Value == "None" && item.Type is null)
                {
                    return new Func<Alarm, bool>(a => field.Read(a) is null);
                }
                var text = item.Type is null ? Unquote(item.Value) : item.Value;
                return new Func<Alarm, bool>(a => field.Read(a) is string s && s == text);
        }
    }

    private static bool TryLiteralBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Python's literal_eval turns a quoted string into the string inside the quotes.</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0] ? value[1..^1] : value;
}
