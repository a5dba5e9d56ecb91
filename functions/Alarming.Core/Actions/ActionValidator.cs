using Alarming.Core.Access;
using Alarming.Core.Validation;

namespace Alarming.Core.Actions;

/// <summary>Checks one action list as Aodh does and returns it de-duplicated.</summary>
internal sealed class ActionValidator(int maxActions)
{
    /// <summary>Schemes a notifier exists for. <c>trust+*</c> and <c>zaqar</c> need Keystone and
    /// Zaqar, which we don't have: refusing them beats silently dropping an action.</summary>
    public static readonly IReadOnlyList<string> Schemes = ["http", "https", "log", "test", "queue"];

    private static readonly IReadOnlyList<string> AdminOnlySchemes = ["log", "test"];

    public IReadOnlyList<string>? Validate(string listName, IReadOnlyList<string>? actions, Caller caller)
    {
        if (actions is null || actions.Count == 0)
        {
            return actions;
        }
        var unique = actions.Distinct(StringComparer.Ordinal).ToList();
        if (maxActions > 0 && unique.Count > maxActions)
        {
            throw new ApiErrorException(ApiError.BadRequest($"{listName} count exceeds maximum value {maxActions}"));
        }
        foreach (var action in unique)
        {
            if (!ActionUrl.TryParse(action, out var url))
            {
                throw new ApiErrorException(ApiError.BadRequest($"Unable to parse action {action}"));
            }
            if (!Schemes.Contains(url.Scheme))
            {
                throw new ApiErrorException(ApiError.BadRequest($"Unsupported action {action}"));
            }
            if (AdminOnlySchemes.Contains(url.Scheme) && !caller.IsAdmin)
            {
                throw new ApiErrorException(ApiError.Unauthorized($"You are not authorized to create action: {action}"));
            }
        }
        return unique;
    }
}
