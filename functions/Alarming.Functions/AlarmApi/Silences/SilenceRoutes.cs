namespace Alarming.Functions.AlarmApi.Silences;

internal static class SilenceRoutes
{
    public const string Silences = "v2/silences";
    public const string Silence = Silences + "/{silenceId}";
}
