namespace Alarming.Core.Actions;

/// <summary>An action URL fit to show: its user info and the values of its query parameters, where
/// webhook credentials and tokens live, replaced by <c>***</c>.</summary>
/// <remarks>Works on the text as written, not on a parsed <see cref="Uri"/>: a parser escapes or refuses
/// odd characters, and the secret would then not be found to replace.</remarks>
public static class ActionRedaction
{
    public static string Of(string action)
    {
        var scheme = action.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return action;
        }
        var hostStart = scheme + 3;
        var authorityEnd = action.IndexOfAny(['/', '?', '#'], hostStart);
        var authority = authorityEnd < 0 ? action[hostStart..] : action[hostStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var redacted = at < 0 ? action : action[..hostStart] + "***" + action[(hostStart + at)..];
        var query = redacted.IndexOf('?');
        if (query < 0)
        {
            return redacted;
        }
        var fragment = redacted.IndexOf('#', query);
        var end = fragment < 0 ? redacted.Length : fragment;
        var parameters = redacted[(query + 1)..end].Split('&')
            .Select(p => p.IndexOf('=') is var equals and >= 0 ? p[..equals] + "=***" : p);
        return redacted[..(query + 1)] + string.Join('&', parameters) + redacted[end..];
    }
}
