using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Alarming.Core.Events;

/// <summary>Python's <c>fnmatch.fnmatch</c> on POSIX: <c>*</c> any run (dots included), <c>?</c>
/// one character, <c>[...]</c> and <c>[!...]</c> sets, case-sensitive; an unclosed <c>[</c> is literal.</summary>
public static class ShellPattern
{
    /// <remarks>Non-backtracking: a pattern is anyone's input, and <c>*a*a*a*b</c> must not stall a worker.</remarks>
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    public static bool Matches(string text, string pattern)
    {
        if (Compiled.Count > 10_000)
        {
            Compiled.Clear();
        }
        return Compiled.GetOrAdd(pattern, p => new Regex(Translate(p), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)).IsMatch(text);
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

    /// <summary>A set as <c>fnmatch.translate</c> builds it: ranges kept (a reversed one, empty in Python's
    /// <c>re</c>, dropped), other hyphens literal, <c>!</c> first negates; an empty set never matches.</summary>
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
        var set = string.Join("-", Ranges(pattern, start, j).Select(Escape));
        regex.Append(set switch
        {
            "" => "[^\\s\\S]",
            "!" => ".",
            _ when set[0] == '!' => "[^" + set[1..] + "]",
            _ => "[" + set + "]",
        });
        return j + 1;
    }

    /// <summary>The set's text split at the hyphens that make ranges, reversed ranges removed.</summary>
    private static List<string> Ranges(string pattern, int start, int end)
    {
        if (!pattern.AsSpan(start, end - start).Contains('-'))
        {
            return [pattern[start..end]];
        }
        var chunks = new List<string>();
        var from = start;
        var k = pattern[start] == '!' ? start + 2 : start + 1;
        while (k < end && pattern.IndexOf('-', k, end - k) is var dash and >= 0)
        {
            chunks.Add(pattern[from..dash]);
            from = dash + 1;
            k = dash + 3;
        }
        var last = pattern[from..end];
        if (last.Length > 0)
        {
            chunks.Add(last);
        }
        else
        {
            chunks[^1] += "-";
        }
        for (var m = chunks.Count - 1; m > 0; m--)
        {
            if (chunks[m - 1][^1] > chunks[m][0])
            {
                chunks[m - 1] = chunks[m - 1][..^1] + chunks[m][1..];
                chunks.RemoveAt(m);
            }
        }
        return chunks;
    }

    /// <summary>What a .NET character class would read specially, escaped (a leading <c>!</c> is kept: it negates).</summary>
    private static string Escape(string chunk) =>
        string.Concat(chunk.Select(c => c is '\\' or '-' or '[' or ']' or '^' ? "\\" + c : c.ToString()));
}
