namespace Alarming.Core.Python;

/// <summary>oslo's strict <c>bool_from_string</c>, which Aodh and Gnocchi both use for query
/// booleans: 1 t true on y yes / 0 f false off n no, any letter case.</summary>
public static class PythonBoolean
{
    public static bool TryParse(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1" or "t" or "true" or "on" or "y" or "yes":
                value = true;
                return true;
            case "0" or "f" or "false" or "off" or "n" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
