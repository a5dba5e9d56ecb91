using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Core.Python;

namespace Alarming.Core.Validation;

/// <summary>Reads the attributes of one JSON object of a request body with WSME's conversions
/// and error messages, stopping at the first error.</summary>
/// <remarks>WSME reports a failed scalar conversion against the whole body
/// (<c>Invalid input for field/attribute data. Value: '&lt;body repr&gt;'. &lt;reason&gt;</c>) but a
/// failed check of a converted value against the attribute itself; both shapes are kept.</remarks>
public sealed class BodyReader(JsonObject obj, string argument, JsonNode wholeBody, string bodyArgument = "data")
{
    private static readonly string[] TrueWords = ["true", "t", "yes", "y", "on", "1"];
    private static readonly string[] FalseWords = ["false", "f", "no", "n", "off", "0"];

    public JsonObject Object => obj;

    public void RejectUnknown(IEnumerable<string> known)
    {
        var allowed = known.ToHashSet(StringComparer.Ordinal);
        var unknown = obj.Select(p => p.Key).Where(k => !allowed.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ApiErrorException(ApiError.UnknownAttributes(argument, unknown));
        }
    }

    public bool Has(string name) => obj.ContainsKey(name);

    public JsonNode? Raw(string name) => obj[name];

    public Field<string> String(string name, bool mandatory = false)
    {
        if (!TryGet(name, mandatory, out var node))
        {
            return Field<string>.Absent;
        }
        return new(true, node is null ? null : RequireString(name, node));
    }

    public string RequireString(string name, JsonNode node)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw WrongType(name, node, "<class 'str'>");
        }
        return node.GetValue<string>();
    }

    public Field<bool?> Bool(string name)
    {
        if (!TryGet(name, false, out var node) )
        {
            return Field<bool?>.Absent;
        }
        return new(true, node is null ? null : ToBool(node));
    }

    public Field<long?> Integer(string name, long? minimum = null, bool mandatory = false)
    {
        if (!TryGet(name, mandatory, out var node))
        {
            return Field<long?>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        var value = ToInteger(node);
        if (minimum is { } min && value < min)
        {
            throw new ApiErrorException(ApiError.InvalidInput(name, value.ToString(CultureInfo.InvariantCulture),
                $"Value should be greater or equal to {min}"));
        }
        return new(true, value);
    }

    public Field<double?> Float(string name, bool mandatory = false)
    {
        if (!TryGet(name, mandatory, out var node))
        {
            return Field<double?>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        return new(true, ToFloat(name, node));
    }

    public Field<string> Enumeration(string name, IReadOnlyList<string> values, bool mandatory = false)
    {
        if (!TryGet(name, mandatory, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        if (node.GetValueKind() == JsonValueKind.String && values.Contains(node.GetValue<string>()))
        {
            return new(true, node.GetValue<string>());
        }
        throw new ApiErrorException(ApiError.InvalidInput(name, PythonRepr.Str(node),
            "Value should be one of: " + string.Join(", ", values)));
    }

    public Field<IReadOnlyList<string>> StringList(string name, bool mandatory = false)
    {
        if (!TryGet(name, mandatory, out var node))
        {
            return Field<IReadOnlyList<string>>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        if (node is not JsonArray array)
        {
            throw BodyValueError($"Value not a valid list: {PythonRepr.Str(node)}");
        }
        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is null || item.GetValueKind() != JsonValueKind.String)
            {
                throw WrongType(name, item, "<class 'str'>");
            }
            items.Add(item.GetValue<string>());
        }
        return new(true, items);
    }

    public Field<DateTimeOffset?> Timestamp(string name)
    {
        if (!TryGet(name, false, out var node))
        {
            return Field<DateTimeOffset?>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        if (node.GetValueKind() == JsonValueKind.String && PythonTimestamp.TryParse(node.GetValue<string>(), out var value))
        {
            return new(true, value);
        }
        throw BodyValueError($"'{PythonRepr.Str(node)}' is not a legal datetime value");
    }

    /// <summary>An array of objects, each read by <paramref name="read"/>.</summary>
    public Field<IReadOnlyList<T>> ObjectList<T>(string name, string itemArgument, Func<BodyReader, T> read)
    {
        if (!TryGet(name, false, out var node))
        {
            return Field<IReadOnlyList<T>>.Absent;
        }
        if (node is null)
        {
            return new(true, null);
        }
        if (node is not JsonArray array)
        {
            throw BodyValueError($"Value not a valid list: {PythonRepr.Str(node)}");
        }
        var items = new List<T>(array.Count);
        foreach (var item in array)
        {
            items.Add(read(Nested(item, itemArgument)));
        }
        return new(true, items);
    }

    /// <summary>A reader for a nested object, whose unknown attributes are reported under
    /// <paramref name="nestedArgument"/> (WSME's dotted names, e.g. <c>data.time_constraints</c>).</summary>
    public BodyReader Nested(JsonNode? node, string nestedArgument)
    {
        if (node is not JsonObject nested)
        {
            throw BodyValueError($"Value not a valid dict: {PythonRepr.Str(node)}");
        }
        return new BodyReader(nested, nestedArgument, wholeBody, bodyArgument);
    }

    public bool ToBool(JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when JsonNumbers.IsInteger(node):
                return JsonNumbers.RawText(node).TrimStart('-').Trim('0').Length > 0;
            case JsonValueKind.String:
                var text = node.GetValue<string>();
                if (TrueWords.Contains(text))
                {
                    return true;
                }
                if (FalseWords.Contains(text))
                {
                    return false;
                }
                break;
        }
        throw BodyValueError($"Value not an unambiguous boolean: {PythonRepr.Str(node)}");
    }

    /// <summary>Python's <c>int(value)</c>: integers, booleans, truncated floats and integer strings.</summary>
    public long ToInteger(JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.Number:
                return JsonNumbers.IsInteger(node)
                    ? long.Parse(JsonNumbers.RawText(node), CultureInfo.InvariantCulture)
                    : (long)Math.Truncate(JsonNumbers.ToDouble(node));
            case JsonValueKind.String:
                var text = node.GetValue<string>().Trim().Replace("_", "");
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
                throw BodyValueError($"invalid literal for int() with base 10: {PythonRepr.String(node.GetValue<string>())}");
            default:
                throw BodyValueError($"int() argument must be a string, a bytes-like object or a real number, not '{PythonClass(node)}'");
        }
    }

    /// <summary>Python's <c>float(value)</c>, except that a boolean is refused as WSME refuses it.</summary>
    public double ToFloat(string name, JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                throw WrongType(name, node, "<class 'float'>");
            case JsonValueKind.Number:
                return JsonNumbers.ToDouble(node);
            case JsonValueKind.String:
                var text = node.GetValue<string>().Trim().Replace("_", "");
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
                var lower = text.ToLowerInvariant().TrimStart('+');
                if (lower is "inf" or "infinity" or "-inf" or "-infinity" or "nan" or "-nan")
                {
                    return lower.StartsWith('-') && !lower.EndsWith("nan") ? double.NegativeInfinity
                        : lower.EndsWith("nan") ? double.NaN : double.PositiveInfinity;
                }
                throw BodyValueError($"could not convert string to float: {PythonRepr.String(node.GetValue<string>())}");
            default:
                throw BodyValueError($"float() argument must be a string or a real number, not '{PythonClass(node)}'");
        }
    }

    public ApiErrorException WrongType(string name, JsonNode? node, string expected) =>
        new(ApiError.InvalidInput(name, PythonRepr.Str(node), $"Wrong type. Expected '{expected}', got '{PythonRepr.ClassName(node)}'"));

    public ApiErrorException BodyValueError(string reason) =>
        new(ApiError.InvalidInput(bodyArgument, PythonRepr.Of(wholeBody), reason));

    private bool TryGet(string name, bool mandatory, out JsonNode? node)
    {
        if (obj.TryGetPropertyValue(name, out node))
        {
            // [deviation] a mandatory attribute sent as null is refused like an absent one.
            if (node is null && mandatory)
            {
                throw new ApiErrorException(ApiError.MandatoryMissing(name));
            }
            return true;
        }
        if (mandatory)
        {
            throw new ApiErrorException(ApiError.MandatoryMissing(name));
        }
        return false;
    }

    private static string PythonClass(JsonNode node) => PythonRepr.ClassName(node)["<class '".Length..^2];
}
