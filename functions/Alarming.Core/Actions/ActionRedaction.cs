using System.Text.RegularExpressions;

namespace Alarming.Core.Actions;

/// <summary>An action URL fit to show: its user info and the values of its query parameters, where
/// webhook credentials and tokens live, replaced by <c>***</c>.</summary>
public static partial class ActionRedaction
{
    public static string Of(string action)
    {
        if (!Uri.TryCreate(action, UriKind.Absolute, out var uri))
        {
            return action;
        }
        var redacted = uri.UserInfo.Length > 0 ? action.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal) : action;
        var query = redacted.IndexOf('?');
        if (query < 0)
        {
            return redacted;
        }
        var fragment = redacted.IndexOf('#', query);
        var end = fragment < 0 ? redacted.Length : fragment;
        return redacted[..query] + QueryValue().Replace(redacted[query..end], "=***") + redacted[end..];
    }

    [GeneratedRegex("=[^&#]*")]
    private static partial Regex QueryValue();
}
