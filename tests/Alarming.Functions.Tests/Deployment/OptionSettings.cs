using System.Globalization;
using System.Reflection;
using Alarming.Storage;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>The app settings the service's options bind, found by reflection so that no list of them
/// is kept by hand: every class with a <c>SectionName</c> constant in the service's assemblies, each
/// settable property as <c>Section__Property</c> (nested option classes nest further), with the value
/// a new instance has, which is the default the service runs with.</summary>
internal static class OptionSettings
{
    public sealed record Setting(string Key, string DefaultValue, Type Options);

    private static readonly Assembly[] ServiceAssemblies = [typeof(AlarmingServiceCollectionExtensions).Assembly, typeof(StorageOptions).Assembly];

    public static IReadOnlyList<Type> OptionTypes { get; } = ServiceAssemblies
        .SelectMany(a => a.GetTypes())
        .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
        .ToList();

    /// <summary>The sections the options bind (<c>Api</c>, <c>Evaluator</c>, ...).</summary>
    public static IReadOnlyList<string> Sections { get; } =
        OptionTypes.Select(t => (string)t.GetField("SectionName")!.GetRawConstantValue()!).ToList();

    /// <summary>Settings with one value each.</summary>
    public static IReadOnlyList<Setting> Scalars { get; } = Walk().OfType<Setting>().ToList();

    /// <summary>Prefixes of settings keyed by the deployment's own names (<c>Notifier__SigningSecrets__</c>
    /// + a project id), which no template can list.</summary>
    public static IReadOnlyList<string> MapPrefixes { get; } = Walk().OfType<string>().ToList();

    private static IEnumerable<object> Walk() =>
        OptionTypes.SelectMany(t => Walk(t, Activator.CreateInstance(t)!, (string)t.GetField("SectionName")!.GetRawConstantValue()!, t));

    private static IEnumerable<object> Walk(Type type, object instance, string prefix, Type options)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = prefix + "__" + property.Name;
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = property.GetValue(instance);
            if (kind == typeof(string) || kind.IsPrimitive || kind.IsEnum || kind == typeof(TimeSpan) || kind == typeof(decimal) || kind == typeof(Uri))
            {
                yield return new Setting(key, Format(value), options);
            }
            else if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                yield return key + "__";
            }
            else
            {
                foreach (var nested in Walk(kind, value ?? Activator.CreateInstance(kind)!, key, options))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>As the configuration binder reads it back (booleans in lower case, numbers invariant).</summary>
    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
