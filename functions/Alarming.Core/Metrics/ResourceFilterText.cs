using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Metrics;

/// <summary>Gnocchi's string filter grammar, as the CLI's <c>resource search</c>
/// sends it: <c>attr op value</c> joined by <c>not</c> &gt; <c>and</c> &gt; <c>or</c> and parentheses,
/// turned into the JSON filter tree <see cref="ResourceFilter"/> evaluates.</summary>
public static class ResourceFilterText
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "=", "<", ">", "≠", "≤", "≥", "eq", "ne", "lt", "gt", "le", "ge", "like", "in"];

    /// <exception cref="FormatException">The text is not a filter ("Invalid filter: ...").</exception>
    public static JsonNode Parse(string text)
    {
        var tokens = Tokenize(text);
        var position = 0;
        var tree = Or(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new FormatException($"Invalid filter: unexpected '{tokens[position].Text}'");
        }
        return tree;
    }

    /// <summary>A search given as a string: JSON when it parses as JSON, else the string grammar.</summary>
    public static JsonNode? ParseJsonOrText(string text)
    {
        try
        {
            return PythonJson.Loads(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return Parse(text);
        }
    }

    private sealed record Token(string Text, bool Quoted);

    private static JsonNode Or(List<Token> tokens, ref int position)
    {
        var operands = new List<JsonNode> { And(tokens, ref position) };
        while (Is(tokens, position, "or", "∨"))
        {
            position++;
            operands.Add(And(tokens, ref position));
        }
        return operands.Count == 1 ? operands[0] : new JsonObject { ["or"] = new JsonArray(operands.ToArray()) };
    }

    private static JsonNode And(List<Token> tokens, ref int position)
    {
        var operands = new List<JsonNode> { Not(tokens, ref position) };
        while (Is(tokens, position, "and", "∧"))
        {
            position++;
            operands.Add(Not(tokens, ref position));
        }
        return operands.Count == 1 ? operands[0] : new JsonObject { ["and"] = new JsonArray(operands.ToArray()) };
    }

    private static JsonNode Not(List<Token> tokens, ref int position)
    {
        if (Is(tokens, position, "not"))
        {
            position++;
            return new JsonObject { ["not"] = Not(tokens, ref position) };
        }
        if (Is(tokens, position, "("))
        {
            position++;
            var inner = Or(tokens, ref position);
            Expect(tokens, ref position, ")");
            return inner;
        }
        return Condition(tokens, ref position);
    }

    private static JsonNode Condition(List<Token> tokens, ref int position)
    {
        var attribute = Next(tokens, ref position).Text;
        var op = Next(tokens, ref position).Text.ToLowerInvariant();
        if (!Operators.Contains(op))
        {
            throw new FormatException($"Invalid filter: unknown operator '{op}'");
        }
        if (op == "in")
        {
            Expect(tokens, ref position, "[");
            var values = new JsonArray();
            while (!Is(tokens, position, "]"))
            {
                values.Add(Value(Next(tokens, ref position)));
                if (Is(tokens, position, ","))
                {
                    position++;
                }
            }
            position++;
            return new JsonObject { ["in"] = new JsonObject { [attribute] = values } };
        }
        return new JsonObject { [op] = new JsonObject { [attribute] = Value(Next(tokens, ref position)) } };
    }

    /// <summary>Quoted text is a string; null/None, true/false and numbers (as floats) are literals.</summary>
    private static JsonNode? Value(Token token)
    {
        if (token.Quoted)
        {
            return JsonValue.Create(token.Text);
        }
        switch (token.Text.ToLowerInvariant())
        {
            case "null" or "none":
                return null;
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
        }
        return double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !Guid.TryParse(token.Text, out _)
            ? JsonNumbers.Float(number)
            : JsonValue.Create(token.Text);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var (token, next) = c switch
            {
                '\'' or '"' => ReadQuoted(text, i),
                '(' or ')' or '[' or ']' or ',' => (new Token(c.ToString(), false), i + 1),
                _ when "=!<>≠≤≥".Contains(c) => ReadOperator(text, i),
                _ => ReadWord(text, i),
            };
            tokens.Add(token);
            i = next;
        }
        return tokens;
    }

    /// <returns>The token at <paramref name="start"/> and the index just after it.</returns>
    private static (Token Token, int Next) ReadQuoted(string text, int start)
    {
        var end = text.IndexOf(text[start], start + 1);
        if (end < 0)
        {
            throw new FormatException("Invalid filter: unterminated string");
        }
        return (new Token(text[(start + 1)..end], true), end + 1);
    }

    private static (Token Token, int Next) ReadOperator(string text, int start)
    {
        var op = start + 1 < text.Length && text[start + 1] == '=' ? text.Substring(start, 2) : text[start].ToString();
        return (new Token(op, false), start + op.Length);
    }

    private static (Token Token, int Next) ReadWord(string text, int start)
    {
        var word = new StringBuilder();
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !"()[],=!<>≠≤≥'\"".Contains(text[i]))
        {
            word.Append(text[i++]);
        }
        return (new Token(word.ToString(), false), i);
    }

    private static bool Is(List<Token> tokens, int position, params string[] words) =>
        position < tokens.Count && !tokens[position].Quoted && words.Contains(tokens[position].Text.ToLowerInvariant());

    private static Token Next(List<Token> tokens, ref int position) =>
        position < tokens.Count ? tokens[position++] : throw new FormatException("Invalid filter: unexpected end");

    private static void Expect(List<Token> tokens, ref int position, string text)
    {
        if (!Is(tokens, position, text))
        {
            throw new FormatException($"Invalid filter: expected '{text}'");
        }
        position++;
    }
}
