namespace Alarming.Core.Actions;

/// <summary>An action URL split as Python's <c>urlsplit</c> splits it.</summary>
public sealed record ActionUrl(string Scheme, string? Netloc, string Path, string Query, string Fragment)
{
    // Python's urllib.parse.uses_netloc: these schemes keep "//" even without a host.
    private static readonly HashSet<string> NetlocSchemes =
    [
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
        "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
    ];

    /// <summary>The host part without user-info and port.</summary>
    public string Host
    {
        get
        {
            var host = Netloc ?? "";
            var at = host.LastIndexOf('@');
            host = at >= 0 ? host[(at + 1)..] : host;
            if (host.StartsWith('['))
            {
                var end = host.IndexOf(']');
                return end > 0 ? host[1..end] : host;
            }
            var colon = host.LastIndexOf(':');
            return colon >= 0 ? host[..colon] : host;
        }
    }

    public static bool TryParse(string url, out ActionUrl parsed)
    {
        parsed = null!;
        var rest = url;
        var scheme = "";
        var colon = url.IndexOf(':');
        if (colon > 0 && IsScheme(url[..colon]))
        {
            scheme = url[..colon].ToLowerInvariant();
            rest = url[(colon + 1)..];
        }
        string? netloc = null;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?', '#'], 2);
            netloc = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? "" : rest[end..];
            if (netloc.Contains('[') != netloc.Contains(']'))
            {
                return false;  // Python: "Invalid IPv6 URL"
            }
        }
        var fragment = "";
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }
        var query = "";
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }
        parsed = new ActionUrl(scheme, netloc, rest, query, fragment);
        return true;
    }

    /// <summary>The URL as Python's <c>urlunsplit(urlsplit(url))</c> writes it back,
    /// with the trust id of a <c>trust+</c> URL removed.</summary>
    public static string Normalize(string url)
    {
        if (!TryParse(url, out var parsed))
        {
            return url;
        }
        var netloc = parsed.Netloc;
        if (netloc is not null && parsed.Scheme.StartsWith("trust+", StringComparison.Ordinal))
        {
            var at = netloc.LastIndexOf('@');
            netloc = at >= 0 ? netloc[(at + 1)..] : netloc;
        }
        var result = parsed.Path;
        if (!string.IsNullOrEmpty(netloc) || (parsed.Scheme.Length > 0 && NetlocSchemes.Contains(parsed.Scheme) && !result.StartsWith("//", StringComparison.Ordinal)))
        {
            if (result.Length > 0 && result[0] != '/')
            {
                result = "/" + result;
            }
            result = "//" + (netloc ?? "") + result;
        }
        if (parsed.Scheme.Length > 0)
        {
            result = parsed.Scheme + ":" + result;
        }
        if (parsed.Query.Length > 0)
        {
            result += "?" + parsed.Query;
        }
        if (parsed.Fragment.Length > 0)
        {
            result += "#" + parsed.Fragment;
        }
        return result;
    }

    private static bool IsScheme(string text) =>
        char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}
