namespace Alarming.Functions.AlarmApi.Queries;

internal static class QueryRoutes
{
    public const string Alarms = "v2/query/alarms";
    public const string History = "v2/query/alarms/history";
}
