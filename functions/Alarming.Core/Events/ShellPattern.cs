using System.Text;
using System.Text.RegularExpressions;

namespace Alarming.Core.Events;

/// <summary>Python's <c>fnmatch.fnmatch</c> on POSIX: <c>*</c> any run (dots included), <c>?</c>
/// one character, <c>[...]</c> and <c>[!...]</c> sets, case-sensitive; an unclosed <c>[</c> is literal.</summary>
public static class ShellPattern
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Compiled = new();

    public static bool Matches(string text, string pattern)
    {
        if (Compiled.Count > 10_000)
        {
            Compiled.Clear();
        }
        return Compiled.GetOrAdd(pattern, p => new Regex(Translate(p), RegexOptions.Singleline | RegexOptions.CultureInvariant)).IsMatch(text);
    }

    /// <summary>The regex <c>fnmatch.translate</c> would build, anchored at both ends.</summary>
    public static string Translate(string pattern)
    {
        var regex = new StringBuilder("^(?:");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i++];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    i = AppendSet(pattern, i, regex);
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.Append(")\\z").ToString();
    }

    /// <returns>Where the pattern goes on after the set (or after the literal <c>[</c>).</returns>
    private static int AppendSet(string pattern, int start, StringBuilder regex)
    {
        var j = start;
        if (j < pattern.Length && pattern[j] == '!')
        {
            j++;
        }
        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }
        while (j < pattern.Length && pattern[j] != ']')
        {
            j++;
        }
        if (j >= pattern.Length)
        {
            regex.Append("\\[");
            return start;
        }
        var body = pattern[start..j];
        var negated = body.StartsWith('!');
        if (negated)
        {
            body = body[1..];
        }
        var set = new StringBuilder();
        foreach (var ch in body)
        {
            // Ranges (a-z) keep their dash; everything the regex class syntax would read specially is escaped.
            set.Append(ch is '\\' or '[' or ']' or '^' ? "\\" + ch : ch.ToString());
        }
        regex.Append('[').Append(negated ? "^" : "").Append(set).Append(']');
        return j + 1;
    }
}
